export { ApiKeysSection } from './components/api-keys-section';
export { BotSetupGuide } from './bots/bot-setup-guide';
