import IconButton from '@mui/material/IconButton';
import { StarBorderIcon, StarIcon } from '@/components/icons';
import { useT } from '@/lib/i18n';

/** The watchlist star of one row: its name says what a press does ("Add BTCUSDT to watchlist"). */
export function StarButton({ symbol, starred, onToggle }: { symbol: string; starred: boolean; onToggle: (symbol: string, starred: boolean) => void }) {
  const t = useT();
  return (
    <IconButton
      size="small"
      aria-label={t(starred ? 'markets.unstar' : 'markets.star', { symbol })}
      onClick={() => onToggle(symbol, !starred)}
      sx={{ color: starred ? 'warning.main' : 'text.secondary' }}
    >
      {starred ? <StarIcon fontSize="small" /> : <StarBorderIcon fontSize="small" />}
    </IconButton>
  );
}
