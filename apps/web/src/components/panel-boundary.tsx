import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useT } from '@/lib/i18n';
import { ErrorBoundary } from './error-boundary';

/** The compact fallback of one panel: a line of text and Retry, where the panel stood. */
export function PanelError({ reset }: { reset: () => void }) {
  const t = useT();
  return (
    <Alert
      severity="error"
      variant="outlined"
      sx={{ py: 0, alignItems: 'center' }}
      action={
        <Button color="inherit" size="small" onClick={reset}>
          {t('common.retry')}
        </Button>
      }
    >
      {t('error.section')}
    </Alert>
  );
}

/**
 * One boundary per panel: a panel that throws (a chart library error, a bad row) is replaced by
 * its own fallback while the panels beside it, the order ticket above all, keep working.
 */
export function PanelBoundary({ children }: { children: ReactNode }) {
  return <ErrorBoundary fallback={({ reset }) => <PanelError reset={reset} />}>{children}</ErrorBoundary>;
}
