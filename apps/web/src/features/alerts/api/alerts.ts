import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Alert, AlertNotificationsResponse, AlertsResponse, CreateAlertRequest, MarkReadResponse, UpdateAlertRequest } from '@cryptosim/contracts';
import { USER_QUERY_ROOT, useApiClient } from '@/lib/api';

export const alertKeys = {
  all: [USER_QUERY_ROOT, 'alerts'] as const,
  list: [USER_QUERY_ROOT, 'alerts', 'list'] as const,
  notifications: [USER_QUERY_ROOT, 'alerts', 'notifications'] as const,
};

/** GET /api/alerts: the user's alerts, newest first. */
export function useAlerts() {
  const api = useApiClient();
  return useQuery({
    queryKey: alertKeys.list,
    queryFn: ({ signal }) => api.request<AlertsResponse>('/api/alerts', { auth: true, signal }),
  });
}

/** GET /api/alerts/notifications: the alert centre and its unread count. */
export function useAlertNotifications(enabled = true) {
  const api = useApiClient();
  return useQuery({
    queryKey: alertKeys.notifications,
    queryFn: ({ signal }) => api.request<AlertNotificationsResponse>('/api/alerts/notifications?limit=30', { auth: true, signal }),
    enabled,
  });
}

function useAlertMutation<V, R>(run: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => queryClient.invalidateQueries({ queryKey: alertKeys.all }) });
}

/** POST /api/alerts. */
export function useCreateAlert() {
  const api = useApiClient();
  return useAlertMutation((body: CreateAlertRequest) => api.request<Alert>('/api/alerts', { method: 'POST', auth: true, json: body }));
}

/** PATCH /api/alerts/:id: edits and re-arms. */
export function useUpdateAlert() {
  const api = useApiClient();
  return useAlertMutation(({ id, body }: { id: string; body: UpdateAlertRequest }) =>
    api.request<Alert>(`/api/alerts/${encodeURIComponent(id)}`, { method: 'PATCH', auth: true, json: body }),
  );
}

/** DELETE /api/alerts/:id (204). */
export function useDeleteAlert() {
  const api = useApiClient();
  return useAlertMutation((id: string) => api.request<void>(`/api/alerts/${encodeURIComponent(id)}`, { method: 'DELETE', auth: true }));
}

/** POST /api/alerts/notifications/read-all. */
export function useMarkAllRead() {
  const api = useApiClient();
  return useAlertMutation(() => api.request<MarkReadResponse>('/api/alerts/notifications/read-all', { method: 'POST', auth: true }));
}

/** POST /api/alerts/notifications/:id/read. */
export function useMarkRead() {
  const api = useApiClient();
  return useAlertMutation((id: string) => api.request<MarkReadResponse>(`/api/alerts/notifications/${encodeURIComponent(id)}/read`, { method: 'POST', auth: true }));
}
