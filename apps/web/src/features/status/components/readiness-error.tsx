import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { ApiError, CLIENT_ERROR_CODES } from '@/lib/api';
import { useT, type Translate } from '@/lib/i18n';

function describeError(t: Translate, error: Error): { message: string; code?: string } {
  if (!(error instanceof ApiError)) return { message: t('status.error') };
  // A bare 502/504 comes from the proxy in front of the API (Vite dev, nginx): the API is down.
  const unreachable =
    error.code === CLIENT_ERROR_CODES.network ||
    (error.code === CLIENT_ERROR_CODES.badResponse && (error.status === 502 || error.status === 504));
  if (unreachable) return { message: t('error.network'), code: error.code };
  return { message: t('status.error'), code: error.code };
}

/** Why the last readiness poll failed, with Retry; the last answer stays visible below it. */
export function ReadinessError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const t = useT();
  const { message, code } = describeError(t, error);
  return (
    <Alert
      severity="warning"
      action={
        <Button color="inherit" size="small" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    >
      {message}
      {code ? ` ${t('status.errorCode', { code })}` : null}
    </Alert>
  );
}
