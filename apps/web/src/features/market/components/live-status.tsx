import Typography from '@mui/material/Typography';
import { useT } from '@/lib/i18n';
import { useStreamStatus } from '@/lib/ws';

/** Visible only while the price socket is down and retrying; silent when all is well. */
export function LiveStatus() {
  const t = useT();
  const status = useStreamStatus();
  if (status !== 'reconnecting') return null;
  return (
    <Typography role="status" variant="caption" color="warning.main">
      {t('live.reconnecting')}
    </Typography>
  );
}
