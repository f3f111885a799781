import { useQuery } from '@tanstack/react-query';
import type { TrackRecord } from '@cryptosim/contracts';
import { USER_QUERY_ROOT, useApiClient } from '@/lib/api';
import { REFRESH_MS, retryOnce } from './model-unavailable';

export interface TrackRecordFilter {
  symbol?: string;
  model?: string;
}

export const trackRecordKey = (filter: TrackRecordFilter) => [USER_QUERY_ROOT, 'ai', 'track-record', filter.symbol ?? '', filter.model ?? ''] as const;

/** GET /api/ai/track-record: how the scored predictions did, overall and week by week. */
export function useTrackRecord(filter: TrackRecordFilter) {
  const api = useApiClient();
  const params = new URLSearchParams();
  if (filter.symbol) params.set('symbol', filter.symbol);
  if (filter.model) params.set('model', filter.model);
  const query = params.toString();
  return useQuery({
    queryKey: trackRecordKey(filter),
    queryFn: ({ signal }) => api.request<TrackRecord>(`/api/ai/track-record${query ? `?${query}` : ''}`, { auth: true, signal }),
    retry: retryOnce,
    refetchInterval: REFRESH_MS,
  });
}
