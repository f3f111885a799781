import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useT } from '@/lib/i18n';
import type { OrderLine } from '../chart-orders';

/**
 * The keyboard way to move an order on the chart: a button per movable order opens a price
 * field; the same replace call as dropping the dragged line.
 */
export function ChartOrdersPanel({ lines, describe, onMove }: { lines: readonly OrderLine[]; describe: (line: OrderLine) => string; onMove: (line: OrderLine, price: string) => Promise<void> }) {
  const t = useT();
  const [editing, setEditing] = useState<OrderLine | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const movable = lines.filter((l) => l.movable);
  if (movable.length === 0) return null;
  const valid = Number(text) > 0 && Number.isFinite(Number(text));

  const submit = async () => {
    if (!editing || !valid) return;
    setBusy(true);
    try {
      await onMove(editing, text.trim());
      setEditing(null);
    } catch {
      // onMove reported the failure; the dialog stays for another try.
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack direction="row" component="section" aria-label={t('chart.orders.title')} sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
      <Typography variant="caption" color="text.secondary">
        {t('chart.orders.title')}
      </Typography>
      {movable.map((line) => (
        <Button
          key={line.id}
          size="small"
          variant="outlined"
          onClick={() => {
            setEditing(line);
            setText(line.price);
          }}
        >
          {describe(line)}
        </Button>
      ))}
      {editing ? (
        <Dialog open onClose={() => setEditing(null)} aria-labelledby="chart-order-edit-title" fullWidth maxWidth="xs">
          <DialogTitle id="chart-order-edit-title">{t('chart.orders.editTitle')}</DialogTitle>
          <DialogContent>
            <Stack
              component="form"
              id="chart-order-edit-form"
              noValidate
              sx={{ pt: 1 }}
              onSubmit={(event) => {
                event.preventDefault();
                void submit();
              }}
            >
              <TextField
                label={t('chart.orders.newPrice')}
                value={text}
                onChange={(event) => setText(event.target.value)}
                error={!valid}
                helperText={valid ? describe(editing) : t('chart.orders.invalidPrice')}
                slotProps={{ htmlInput: { inputMode: 'decimal' } }}
                size="small"
                autoFocus
              />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setEditing(null)}>{t('chart.settings.cancel')}</Button>
            <Button type="submit" form="chart-order-edit-form" variant="contained" disabled={busy || !valid}>
              {t('chart.orders.confirm')}
            </Button>
          </DialogActions>
        </Dialog>
      ) : null}
    </Stack>
  );
}
