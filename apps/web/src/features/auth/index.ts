export { useLogOut } from './api/log-out';
