import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import type { MarketSource, MarketStatus } from '@cryptosim/contracts';
import { useMarketStatus } from '@/lib/market';
import { useT } from '@/lib/i18n';

const COLOUR: Record<MarketSource, 'success' | 'warning' | 'info'> = { binance: 'success', simulator: 'warning', replay: 'info' };
const WORLD_SOURCE = { live: 'binance', simulated: 'simulator', replay: 'replay' } as const;

/** The market the server's database belongs to, or (before it is decided) the feed heard last. */
function worldOf(status: MarketStatus): { source: MarketSource; replayDate: string | undefined } {
  const source = status.world ? WORLD_SOURCE[status.world.kind] : status.source;
  const replayDate = source === 'replay' && status.marketTime ? new Date(status.marketTime).toISOString().slice(0, 10) : undefined;
  return { source, replayDate };
}

/**
 * Says which market the prices belong to — live, simulated, or a replay with the replayed
 * day — so nobody mistakes simulated or recorded prices for the market.
 */
export function SourceBadge() {
  const t = useT();
  const { data } = useMarketStatus();
  if (!data) return null;
  const { source, replayDate } = worldOf(data);
  const name = replayDate ? t('source.replayOn', { date: replayDate }) : t(`source.${source}`);
  const label = data.connected ? name : t('source.disconnected', { source: name });
  return (
    <Tooltip title={t(`source.${source}.help`)}>
      <Chip
        size="small"
        variant={data.connected ? 'filled' : 'outlined'}
        color={COLOUR[source]}
        label={label}
        aria-label={`${t('source.label')}: ${label}`}
        tabIndex={0}
      />
    </Tooltip>
  );
}
