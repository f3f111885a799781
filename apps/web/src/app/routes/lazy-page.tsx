import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { noticeNewBuild } from './new-build';

type Module<P> = { default: ComponentType<P> };

export interface LazyPageOptions {
  /** Loads tried in all before the page's boundary shows the error. */
  attempts?: number;
  /** Wait before the n-th retry: base × 2^(n−1). */
  backoffMs?: number;
}

/** A chunk that could not be fetched (server down, or a new build removed it). */
export class ChunkLoadError extends Error {
  override name = 'ChunkLoadError';
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pages whose load failed, each with the swap that makes the next render load it anew. */
const failed = new Set<() => void>();

/**
 * Lets every page that failed to load try again on its next render. Called by the page
 * boundary's Retry and on navigation; not on React's own re-render after an error, which
 * would otherwise start a fresh load instead of showing the error.
 */
export function retryFailedPages(): void {
  for (const swap of failed) swap();
  failed.clear();
}

/**
 * React.lazy remembers a failed load for good, so a page whose code could not be fetched
 * during an outage would stay broken until a reload. This retries the load with backoff, and
 * after the last failure lets retryFailedPages swap in a fresh lazy component, so the
 * boundary's Retry (or navigating away and back) loads it again. A failure also checks whether a new build has
 * replaced the one this tab runs, and reloads cleanly if so.
 */
export function lazyPage<P extends object>(load: () => Promise<Module<P>>, { attempts = 3, backoffMs = 500 }: LazyPageOptions = {}): ComponentType<P> {
  const fresh = (): LazyExoticComponent<ComponentType<P>> =>
    lazy(async () => {
      let failure: unknown;
      for (let attempt = 1; attempt <= attempts; attempt++) {
        try {
          return await load();
        } catch (error) {
          failure = error;
          if (attempt < attempts) await wait(backoffMs * 2 ** (attempt - 1));
        }
      }
      failed.add(() => (holder.current = fresh()));
      void noticeNewBuild();
      throw new ChunkLoadError(failure instanceof Error ? failure.message : String(failure));
    });
  const holder = { current: fresh() };
  function LazyPage(props: P) {
    const Page = holder.current;
    return <Page {...props} />;
  }
  return LazyPage;
}
