import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Portfolio } from '@cryptosim/contracts';
import { useUserChannel } from '@/lib/ws';
import { portfolioKey } from '../api/get-portfolio';

/** /ws/portfolio: every balance change (fills, cancels, reset) replaces the cached portfolio. */
export function usePortfolioEvents(): void {
  const queryClient = useQueryClient();
  const onFrame = useCallback(
    (frame: unknown) => {
      const message = frame as { type?: string; data?: Portfolio };
      if (message.type === 'portfolio' && message.data) queryClient.setQueryData(portfolioKey, message.data);
    },
    [queryClient],
  );
  useUserChannel('portfolio', onFrame);
}
