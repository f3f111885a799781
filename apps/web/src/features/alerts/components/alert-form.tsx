import { useState } from 'react';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { AlertConditions, type Alert, type AlertCondition, type CreateAlertRequest } from '@cryptosim/contracts';
import { useT } from '@/lib/i18n';

const DECIMAL = /^(0|[1-9][0-9]{0,17})(\.[0-9]{1,18})?$/;
const PERCENT = /^(0|[1-9][0-9]?)(\.[0-9]{1,4})?$|^100$/;

export interface AlertFormValues {
  condition: AlertCondition;
  price: string;
  percent: string;
  windowMinutes: string;
  note: string;
}

export function valuesOf(alert: Alert | null, livePrice: string | undefined): AlertFormValues {
  if (alert) {
    return { condition: alert.condition, price: alert.price ?? '', percent: alert.percent ?? '', windowMinutes: String(alert.windowMinutes ?? 60), note: alert.note };
  }
  return { condition: 'PRICE_ABOVE', price: livePrice ?? '', percent: '2', windowMinutes: '60', note: '' };
}

/** The form's fields → a request body, or the field errors to show. */
export function toRequest(symbol: string, v: AlertFormValues): { body: CreateAlertRequest } | { errors: Partial<Record<'price' | 'percent' | 'windowMinutes', true>> } {
  const note = v.note.trim();
  if (v.condition === 'PERCENT_MOVE') {
    const minutes = Number(v.windowMinutes);
    const errors = {
      ...(!PERCENT.test(v.percent.trim()) || Number(v.percent) <= 0 ? { percent: true as const } : {}),
      ...(!Number.isInteger(minutes) || minutes < 1 || minutes > 1440 ? { windowMinutes: true as const } : {}),
    };
    if (Object.keys(errors).length > 0) return { errors };
    return { body: { symbol, condition: v.condition, percent: v.percent.trim(), windowMinutes: minutes, ...(note && { note }) } };
  }
  const price = v.price.trim().replace(/,/g, '');
  if (!DECIMAL.test(price) || Number(price) <= 0) return { errors: { price: true } };
  return { body: { symbol, condition: v.condition, price, ...(note && { note }) } };
}

/** Create or edit one alert; `editing` switches the submit label to "Save and re-arm". */
export function AlertForm({
  symbol,
  initial,
  editing,
  pending,
  onSubmit,
  onCancel,
}: {
  symbol: string;
  initial: AlertFormValues;
  editing: boolean;
  pending: boolean;
  onSubmit: (body: CreateAlertRequest) => void;
  onCancel?: () => void;
}) {
  const t = useT();
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<'price' | 'percent' | 'windowMinutes', true>>>({});
  const set = (key: keyof AlertFormValues) => (event: { target: { value: string } }) => setV((old) => ({ ...old, [key]: event.target.value }));
  return (
    <Stack
      component="form"
      noValidate
      spacing={1.5}
      onSubmit={(event) => {
        event.preventDefault();
        const result = toRequest(symbol, v);
        if ('errors' in result) return setErrors(result.errors);
        setErrors({});
        onSubmit(result.body);
      }}
    >
      <TextField select size="small" label={t('alerts.condition')} value={v.condition} onChange={set('condition')} disabled={editing}>
        {AlertConditions.map((c) => (
          <MenuItem key={c} value={c}>
            {t(`alerts.condition.${c}`)}
          </MenuItem>
        ))}
      </TextField>
      {v.condition === 'PERCENT_MOVE' ? (
        <Stack direction="row" spacing={1}>
          <TextField
            size="small"
            label={t('alerts.percent')}
            value={v.percent}
            onChange={set('percent')}
            error={errors.percent}
            helperText={errors.percent ? t('alerts.error.percent') : undefined}
            slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            fullWidth
          />
          <TextField
            size="small"
            label={t('alerts.window')}
            value={v.windowMinutes}
            onChange={set('windowMinutes')}
            error={errors.windowMinutes}
            helperText={errors.windowMinutes ? t('alerts.error.window') : undefined}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            fullWidth
          />
        </Stack>
      ) : (
        <TextField
          size="small"
          label={t('alerts.price')}
          value={v.price}
          onChange={set('price')}
          error={errors.price}
          helperText={errors.price ? t('alerts.error.price') : undefined}
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
        />
      )}
      <TextField size="small" label={t('alerts.note')} value={v.note} onChange={set('note')} slotProps={{ htmlInput: { maxLength: 140 } }} />
      <Stack direction="row" spacing={1}>
        <Button type="submit" variant="contained" disabled={pending}>
          {editing ? t('alerts.save') : t('alerts.create')}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('alerts.cancelEdit')}</Button> : null}
      </Stack>
    </Stack>
  );
}
