import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import type { IndicatorPeriods } from '@cryptosim/contracts';
import { useT } from '@/lib/i18n';
import { INDICATORS, type IndicatorId } from '../chart-data';

/** One pressable chip per indicator; aria-pressed tells a screen reader which are on. */
export function IndicatorToggles({ value, periods, onToggle }: { value: ReadonlySet<IndicatorId>; periods: IndicatorPeriods; onToggle: (id: IndicatorId) => void }) {
  const t = useT();
  return (
    <Stack direction="row" role="group" aria-label={t('chart.indicators')} sx={{ flexWrap: 'wrap', gap: 0.75 }}>
      {INDICATORS.map((id) => {
        const on = value.has(id);
        return (
          <Chip
            key={id}
            label={t(`chart.${id}`, periods)}
            size="small"
            color={on ? 'primary' : 'default'}
            variant={on ? 'filled' : 'outlined'}
            onClick={() => onToggle(id)}
            aria-pressed={on}
            component="button"
          />
        );
      })}
    </Stack>
  );
}
