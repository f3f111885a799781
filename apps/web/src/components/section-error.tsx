import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useT } from '@/lib/i18n';

/** The fallback the app puts behind every page-level error boundary. */
export function SectionError({ reset }: { reset: () => void }) {
  const t = useT();
  return (
    <Alert
      severity="error"
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
