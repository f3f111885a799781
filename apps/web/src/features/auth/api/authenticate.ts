import { useMutation } from '@tanstack/react-query';
import { useDispatch } from 'react-redux';
import type { AuthResponse, LoginRequest, RegisterRequest } from '@cryptosim/contracts';
import { useApiClient } from '@/lib/api';
import { sessionStarted } from '@/lib/session';
import { deviceTokenFor, rememberDeviceToken } from './device-tokens';

/** POST /api/auth/login; on success the session starts (tokens stored, user known). */
export function useLogIn() {
  const api = useApiClient();
  const dispatch = useDispatch();
  return useMutation({
    mutationFn: (body: LoginRequest) => {
      const deviceToken = body.deviceToken ?? deviceTokenFor(body.username);
      return api.request<AuthResponse>('/api/auth/login', { method: 'POST', json: deviceToken ? { ...body, deviceToken } : body });
    },
    onSuccess: (auth) => {
      rememberDeviceToken(auth);
      dispatch(sessionStarted({ auth, receivedAt: Date.now() }));
    },
  });
}

/** POST /api/auth/register: the new account is signed in straight away. */
export function useRegister() {
  const api = useApiClient();
  const dispatch = useDispatch();
  return useMutation({
    mutationFn: (body: RegisterRequest) => api.request<AuthResponse>('/api/auth/register', { method: 'POST', json: body }),
    onSuccess: (auth) => {
      rememberDeviceToken(auth);
      dispatch(sessionStarted({ auth, receivedAt: Date.now() }));
    },
  });
}
