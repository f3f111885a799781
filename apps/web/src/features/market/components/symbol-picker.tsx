import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useSymbols } from '@/lib/market';
import { useT } from '@/lib/i18n';

/** A labelled select of every listed symbol (keyboard: arrows and type-ahead). */
export function SymbolPicker({ value, onChange }: { value: string; onChange: (symbol: string) => void }) {
  const t = useT();
  const { data } = useSymbols();
  const symbols = data?.symbols.map((s) => s.symbol) ?? [];
  // Until the list arrives (or if the symbol is unknown) the current value still needs an option.
  const options = symbols.includes(value) ? symbols : [value, ...symbols];
  return (
    <TextField select size="small" label={t('trade.symbol')} value={value} onChange={(event) => onChange(event.target.value)} sx={{ minWidth: 160 }}>
      {options.map((symbol) => (
        <MenuItem key={symbol} value={symbol}>
          {symbol}
        </MenuItem>
      ))}
    </TextField>
  );
}
