import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import type { Readiness } from '@cryptosim/contracts';
import { useI18n } from '@/lib/i18n';
import { READINESS_REFRESH_MS } from '../api/get-readiness';

interface ReadinessSummaryProps {
  readiness: Readiness;
  checkedAt: number;
}

export function ReadinessSummary({ readiness, checkedAt }: ReadinessSummaryProps) {
  const { t, language } = useI18n();
  // The server's own verdict decides, so a port it adds later counts without a UI change.
  const ok = readiness.status === 'ok';
  const time = new Intl.DateTimeFormat(language, { timeStyle: 'medium' }).format(checkedAt);
  return (
    <>
      {/* role="status", not the default "alert": this re-renders every poll and must not shout. */}
      <Alert role="status" severity={ok ? 'success' : 'error'} variant="outlined">
        {t(ok ? 'status.summary.ok' : 'status.summary.degraded')}
      </Alert>
      <Typography variant="caption" color="text.secondary">
        {t('status.refreshNote', { seconds: READINESS_REFRESH_MS / 1000, time })}
      </Typography>
    </>
  );
}
