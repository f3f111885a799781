import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { Intervals, type Interval } from '@cryptosim/contracts';
import { useT } from '@/lib/i18n';

const isInterval = (value: unknown): value is Interval => typeof value === 'string' && (Intervals as readonly string[]).includes(value);

export function IntervalSwitch({ value, onChange }: { value: Interval; onChange: (interval: Interval) => void }) {
  const t = useT();
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={value}
      aria-label={t('interval.label')}
      // Nine timeframes do not fit one row on a phone.
      sx={{ flexWrap: 'wrap' }}
      onChange={(_event, next: unknown) => {
        if (isInterval(next)) onChange(next);
      }}
    >
      {Intervals.map((interval) => (
        <ToggleButton key={interval} value={interval} sx={{ textTransform: 'none', px: 1, minWidth: 40 }}>
          {t(`interval.${interval}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
