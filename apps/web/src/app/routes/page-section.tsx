import { Suspense, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { ErrorBoundary } from '@/components/error-boundary';
import { PageLoading } from '@/components/page-loading';
import { SectionError } from '@/components/section-error';
import { useT } from '@/lib/i18n';
import { retryFailedPages } from './lazy-page';

/** Every routed page gets its own loading state for its chunk and its own error boundary. */
export function PageSection({ children }: { children: ReactNode }) {
  const t = useT();
  const { pathname } = useLocation();
  // Each route mounts its own section: a page whose code failed to load is fetched again
  // when the user comes back to it.
  useState(retryFailedPages);
  const retry = (reset: () => void) => {
    retryFailedPages();
    reset();
  };
  return (
    // Keyed by path so navigating away from a failed page clears the error.
    <ErrorBoundary key={pathname} fallback={({ reset }) => <SectionError reset={() => retry(reset)} />}>
      <Suspense fallback={<PageLoading label={t('common.loading')} />}>{children}</Suspense>
    </ErrorBoundary>
  );
}
