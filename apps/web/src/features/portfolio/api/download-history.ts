import { useMutation } from '@tanstack/react-query';
import { saveBlob, useApiClient } from '@/lib/api';
import type { HistoryFilter } from '@/lib/trading';

const FILE_NAME = 'cryptosim-history.csv';

/**
 * GET /api/trading/history.csv. A plain link cannot carry the Bearer token, so the file is
 * fetched (with the usual silent refresh) and saved from a Blob. The filters shown on the
 * history apply to the file too.
 */
export function useDownloadHistory() {
  const api = useApiClient();
  return useMutation({
    mutationFn: async ({ symbol, side }: HistoryFilter = {}) => {
      const query = new URLSearchParams();
      if (symbol) query.set('symbol', symbol);
      if (side) query.set('side', side);
      const search = query.toString();
      saveBlob(await api.download(`/api/trading/history.csv${search ? `?${search}` : ''}`), FILE_NAME);
    },
  });
}
