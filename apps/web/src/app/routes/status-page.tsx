import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ReadinessError, ReadinessSummary, ReadinessTable, useReadiness } from '@/features/status';
import { useT } from '@/lib/i18n';

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
