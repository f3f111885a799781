import { useQuery } from '@tanstack/react-query';
import type { Readiness } from '@cryptosim/contracts';
import { fetchJson } from '@/lib/api';

export const READINESS_REFRESH_MS = 5_000;

/** 503 is an answer, not a failure: it carries the same body naming the port that is down. */
export function getReadiness(signal?: AbortSignal): Promise<Readiness> {
  return fetchJson<Readiness>('/readyz', { acceptStatus: [503], ...(signal ? { signal } : {}) });
}

export function useReadiness() {
  return useQuery({
    queryKey: ['readiness'],
    queryFn: ({ signal }) => getReadiness(signal),
    refetchInterval: READINESS_REFRESH_MS,
  });
}
