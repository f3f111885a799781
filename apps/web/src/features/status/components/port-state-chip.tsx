import Chip from '@mui/material/Chip';
import { useT } from '@/lib/i18n';

/** Colour alone is not enough to tell states apart, so the chip always says the state. */
export function PortStateChip({ ok }: { ok: boolean }) {
  const t = useT();
  return (
    <Chip
      size="small"
      variant={ok ? 'outlined' : 'filled'}
      color={ok ? 'success' : 'error'}
      label={t(ok ? 'status.state.ok' : 'status.state.down')}
      sx={{ fontWeight: 600, minWidth: 64 }}
    />
  );
}
