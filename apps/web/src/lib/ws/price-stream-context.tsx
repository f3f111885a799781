import { createContext, useContext, type ReactNode } from 'react';
import type { PriceStream } from './price-stream';

const PriceStreamContext = createContext<PriceStream | null>(null);

export function PriceStreamProvider({ stream, children }: { stream: PriceStream; children: ReactNode }) {
  return <PriceStreamContext value={stream}>{children}</PriceStreamContext>;
}

export function usePriceStream(): PriceStream {
  const stream = useContext(PriceStreamContext);
  if (!stream) throw new Error('usePriceStream must be used inside <PriceStreamProvider>');
  return stream;
}
