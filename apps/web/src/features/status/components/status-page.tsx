import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ApiError, CLIENT_ERROR_CODES } from '../../../lib/api';
import { useT, type Translate } from '../../../lib/i18n';
import { useReadiness } from '../api/get-readiness';
import { ReadinessSummary } from './readiness-summary';
import { ReadinessTable } from './readiness-table';

function describeError(t: Translate, error: Error): { message: string; code?: string } {
  if (!(error instanceof ApiError)) return { message: t('status.error') };
  // A bare 502/504 comes from the proxy in front of the API (Vite dev, nginx): the API is down.
  const unreachable =
    error.code === CLIENT_ERROR_CODES.network ||
    (error.code === CLIENT_ERROR_CODES.badResponse && (error.status === 502 || error.status === 504));
  if (unreachable) return { message: t('error.network'), code: error.code };
  return { message: t('status.error'), code: error.code };
}

function ReadinessError({ error, onRetry }: { error: Error; onRetry: () => void }) {
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

export default function StatusPage() {
  const t = useT();
  const { data, error, isPending, dataUpdatedAt, refetch } = useReadiness();
  const retry = () => void refetch();

  return (
    <Stack spacing={2}>
      <div>
        <Typography variant="h4" component="h1" gutterBottom>
          {t('status.title')}
        </Typography>
        <Typography color="text.secondary">{t('status.subtitle')}</Typography>
      </div>
      {isPending && !error ? (
        <Stack role="status" direction="row" spacing={2} sx={{ alignItems: 'center', py: 2 }}>
          <CircularProgress size={24} aria-hidden />
          <Typography>{t('status.loading')}</Typography>
        </Stack>
      ) : null}
      {/* After a failed poll the last answer stays visible under the warning. */}
      {error ? <ReadinessError error={error} onRetry={retry} /> : null}
      {data ? (
        <>
          <ReadinessSummary readiness={data} checkedAt={dataUpdatedAt} />
          <ReadinessTable ports={data.ports} />
        </>
      ) : null}
    </Stack>
  );
}
