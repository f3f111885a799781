import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { DEFAULT_INDICATOR_PERIODS, INDICATOR_PERIOD_LIMITS, type IndicatorPeriodKey, type IndicatorPeriods } from '@cryptosim/contracts';
import { useT } from '@/lib/i18n';
import { readPeriodInput } from '../chart-layout-query';

const KEYS = Object.keys(INDICATOR_PERIOD_LIMITS) as IndicatorPeriodKey[];
const asTexts = (periods: IndicatorPeriods) => Object.fromEntries(KEYS.map((k) => [k, String(periods[k])])) as Record<IndicatorPeriodKey, string>;

/**
 * Indicator lengths and the Bollinger width. Each field is checked against the bounds the
 * server enforces; Apply stays possible and shows every refusal at once instead of silently
 * doing nothing.
 */
export function IndicatorSettingsDialog({ open, periods, onClose, onApply }: { open: boolean; periods: IndicatorPeriods; onClose: () => void; onApply: (periods: IndicatorPeriods) => void }) {
  const t = useT();
  const [texts, setTexts] = useState(() => asTexts(periods));
  const [touched, setTouched] = useState(false);
  const results = KEYS.map((key) => [key, readPeriodInput(key, texts[key])] as const);
  const errorOf = (key: IndicatorPeriodKey) => {
    const result = results.find(([k]) => k === key)![1];
    if (!('error' in result)) return null;
    const { min, max, integer } = INDICATOR_PERIOD_LIMITS[key];
    return result.error === 'required' ? t('chart.settings.required') : t(integer ? 'chart.settings.rangeInteger' : 'chart.settings.range', { min, max });
  };
  const apply = () => {
    setTouched(true);
    if (results.some(([, r]) => 'error' in r)) return;
    onApply(Object.fromEntries(results.map(([k, r]) => [k, (r as { value: number }).value])) as IndicatorPeriods);
  };

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="indicator-settings-title" fullWidth maxWidth="xs">
      <DialogTitle id="indicator-settings-title">{t('chart.settings.title')}</DialogTitle>
      <DialogContent>
        <Stack
          component="form"
          id="indicator-settings-form"
          noValidate
          spacing={2}
          sx={{ pt: 1 }}
          onSubmit={(event) => {
            event.preventDefault();
            apply();
          }}
        >
          {KEYS.map((key) => {
            const { min, max, integer } = INDICATOR_PERIOD_LIMITS[key];
            const error = errorOf(key);
            const shown = touched || texts[key] !== String(periods[key]);
            return (
              <TextField
                key={key}
                label={t(`chart.settings.${key}`)}
                value={texts[key]}
                onChange={(event) => setTexts((current) => ({ ...current, [key]: event.target.value }))}
                error={shown && error !== null}
                helperText={shown && error !== null ? error : t(integer ? 'chart.settings.rangeInteger' : 'chart.settings.range', { min, max })}
                slotProps={{ htmlInput: { inputMode: integer ? 'numeric' : 'decimal', 'aria-invalid': shown && error !== null } }}
                size="small"
              />
            );
          })}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap' }}>
        <Button onClick={() => setTexts(asTexts(DEFAULT_INDICATOR_PERIODS))}>{t('chart.settings.reset')}</Button>
        <Button onClick={onClose}>{t('chart.settings.cancel')}</Button>
        <Button type="submit" form="indicator-settings-form" variant="contained">
          {t('chart.settings.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
