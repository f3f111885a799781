export { EmailForm } from './components/email-form';
export { PasswordForm } from './components/password-form';
export { ResetAccountCard } from './components/reset-account-card';
export { SettingsCard } from './components/settings-card';
