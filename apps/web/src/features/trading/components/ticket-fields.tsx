import { useId } from 'react';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { OrderTypes, TimeInForces, type OrderSide, type OrderType, type TimeInForce } from '@cryptosim/contracts';
import { useT } from '@/lib/i18n';

export function SideSwitch({ value, onChange }: { value: OrderSide; onChange: (side: OrderSide) => void }) {
  const t = useT();
  return (
    <ToggleButtonGroup
      exclusive
      fullWidth
      size="small"
      value={value}
      aria-label={t('ticket.side')}
      onChange={(_event, next: OrderSide | null) => {
        if (next) onChange(next);
      }}
    >
      <ToggleButton value="BUY" color="up">
        {t('side.BUY')}
      </ToggleButton>
      <ToggleButton value="SELL" color="down">
        {t('side.SELL')}
      </ToggleButton>
    </ToggleButtonGroup>
  );
}

export function TypeSelect({ value, onChange }: { value: OrderType; onChange: (type: OrderType) => void }) {
  const t = useT();
  const id = useId();
  return (
    <TextField id={id} select size="small" fullWidth label={t('ticket.type')} value={value} onChange={(event) => onChange(event.target.value as OrderType)}>
      {OrderTypes.map((type) => (
        <MenuItem key={type} value={type}>
          {t(`orderType.${type}`)}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** GTC, IOC, FOK for limit and stop-limit orders; IOC and FOK say that an order not filled at once expires. */
export function TimeInForceSelect({ value, onChange }: { value: TimeInForce; onChange: (timeInForce: TimeInForce) => void }) {
  const t = useT();
  const id = useId();
  return (
    <TextField
      id={id}
      select
      size="small"
      fullWidth
      label={t('ticket.timeInForce')}
      value={value}
      helperText={value === 'GTC' ? undefined : t('ticket.timeInForceExpiresHint')}
      onChange={(event) => onChange(event.target.value as TimeInForce)}
    >
      {TimeInForces.map((tif) => (
        <MenuItem key={tif} value={tif}>
          {t(`timeInForce.${tif}`)}
        </MenuItem>
      ))}
    </TextField>
  );
}

export interface DecimalFieldProps {
  label: string;
  value: string;
  onChange: (text: string) => void;
  error?: string;
  hint?: string;
  /** Shown inside the field when the label does not already name it. */
  unit?: string;
}

/** A decimal text input: the mobile keyboard shows digits and a point, the value stays a string. */
export function DecimalField({ label, value, onChange, error, hint, unit }: DecimalFieldProps) {
  const id = useId();
  return (
    <TextField
      id={id}
      size="small"
      fullWidth
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value.replace(',', '.'))}
      error={error !== undefined}
      helperText={error ?? hint}
      slotProps={{
        htmlInput: { inputMode: 'decimal', autoComplete: 'off', spellCheck: false },
        input: unit ? { endAdornment: <span aria-hidden="true" style={{ opacity: 0.7, marginLeft: 8 }}>{unit}</span> } : {},
      }}
    />
  );
}
