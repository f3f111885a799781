import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useDispatch } from 'react-redux';
import type { ChangePasswordRequest, Portfolio, UpdateMeRequest, User } from '@cryptosim/contracts';
import { USER_QUERY_ROOT, useApiClient } from '@/lib/api';
import { userUpdated } from '@/lib/session';

/** PATCH /api/auth/me: the reply is the updated user, which the session keeps. */
export function useUpdateEmail() {
  const api = useApiClient();
  const dispatch = useDispatch();
  return useMutation({
    mutationFn: (body: UpdateMeRequest) => api.request<User>('/api/auth/me', { method: 'PATCH', auth: true, json: body }),
    onSuccess: (user) => dispatch(userUpdated(user)),
  });
}

/** POST /api/auth/password (204). This session stays signed in; the server ends the others. */
export function useChangePassword() {
  const api = useApiClient();
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => api.request<void>('/api/auth/password', { method: 'POST', auth: true, json: body }),
  });
}

/** POST /api/portfolio/reset: every cached figure of this user is out of date afterwards. */
export function useResetAccount() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.request<Portfolio>('/api/portfolio/reset', { method: 'POST', auth: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [USER_QUERY_ROOT] }),
  });
}
