import { useTheme } from '@mui/material/styles';
import type { PredictionLabel } from '@cryptosim/contracts';
import type { Formatter } from '@/lib/i18n';

/** A fraction (0…1) as a percentage with one decimal; "—" while the server has none. */
export function fractionPercent(format: Formatter, value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : format.percentPlain((value * 100).toFixed(1));
}

/** A model figure (log loss, Brier, an indicator) with at most `digits` decimals, locale-formatted. */
export function figure(format: Formatter, value: number | null | undefined, digits = 4): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : format.quantity(value.toFixed(digits));
}

/** An indicator in its own units: prices of 0.00001 keep their digits, 64,000 does not grow eight. */
export function indicatorFigure(format: Formatter, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const size = Math.abs(value);
  return format.quantity(value.toFixed(size >= 1000 ? 2 : size >= 1 ? 4 : 8));
}

/** UP and DOWN take the user's up/down price colours (green/red or red/blue); FLAT stays neutral. */
export function useLabelColours(): Record<PredictionLabel, string> {
  const { palette } = useTheme();
  return { UP: palette.up.main, DOWN: palette.down.main, FLAT: palette.text.secondary };
}
