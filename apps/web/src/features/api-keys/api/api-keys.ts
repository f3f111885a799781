import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiKeysResponse, CreateApiKeyRequest, CreateApiKeyResponse } from '@cryptosim/contracts';
import { USER_QUERY_ROOT, useApiClient } from '@/lib/api';

export const apiKeysKey = [USER_QUERY_ROOT, 'api-keys'] as const;

/** GET /api/auth/api-keys: the user's live keys, never a secret. */
export function useApiKeys() {
  const api = useApiClient();
  return useQuery({
    queryKey: apiKeysKey,
    queryFn: ({ signal }) => api.request<ApiKeysResponse>('/api/auth/api-keys', { auth: true, signal }),
  });
}

/** POST /api/auth/api-keys: the reply holds an HMAC key's secret, which is never fetched again. */
export function useCreateApiKey() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKeyRequest) => api.request<CreateApiKeyResponse>('/api/auth/api-keys', { method: 'POST', auth: true, json: body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysKey }),
  });
}

/** DELETE /api/auth/api-keys/:id (204). */
export function useRevokeApiKey() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.request<void>(`/api/auth/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE', auth: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysKey }),
  });
}
