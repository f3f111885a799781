import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import type { MarketSource } from '@cryptosim/contracts';
import { useMarketStatus } from '../../../lib/market';
import { useT } from '../../../lib/i18n';

const COLOUR: Record<MarketSource, 'success' | 'warning' | 'info'> = { binance: 'success', simulator: 'warning', replay: 'info' };

/** Says where prices come from, so nobody mistakes simulated prices for the market. */
export function SourceBadge() {
  const t = useT();
  const { data } = useMarketStatus();
  if (!data) return null;
  const name = t(`source.${data.source}`);
  const label = data.connected ? name : t('source.disconnected', { source: name });
  return (
    <Tooltip title={t(`source.${data.source}.help`)}>
      <Chip
        size="small"
        variant={data.connected ? 'filled' : 'outlined'}
        color={COLOUR[data.source]}
        label={label}
        aria-label={`${t('source.label')}: ${label}`}
        tabIndex={0}
      />
    </Tooltip>
  );
}
