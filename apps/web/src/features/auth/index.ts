export { useLogIn, useRegister } from './api/authenticate';
export { useLogOut } from './api/log-out';
export { AuthCard } from './components/auth-card';
export { useReturnPath } from './hooks/use-return-path';
