import { useState } from 'react';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Alert, CreateAlertRequest } from '@cryptosim/contracts';
import { DeleteIcon, EditIcon } from '@/components/icons';
import { Panel } from '@/components/panel';
import { ResultToast, type ToastMessage } from '@/components/result-toast';
import { useFormat, useT } from '@/lib/i18n';
import { useAlerts, useCreateAlert, useDeleteAlert, useUpdateAlert } from '../api/alerts';
import { AlertForm, valuesOf } from './alert-form';
import { alertProblemText, conditionText } from './alert-text';

/**
 * The Trade page's alerts: a form for the page's symbol (or the alert being edited) and the
 * list of all the user's alerts, each editable (which re-arms it) and deletable.
 */
export function AlertsPanel({ symbol, livePrice }: { symbol: string; livePrice: string | undefined }) {
  const t = useT();
  const format = useFormat();
  const { data } = useAlerts();
  const create = useCreateAlert();
  const update = useUpdateAlert();
  const remove = useDeleteAlert();
  const [editing, setEditing] = useState<Alert | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const say = (severity: ToastMessage['severity'], text: string) => setToast({ severity, text, id: Date.now() });
  const failed = (error: unknown) => say('error', alertProblemText(error, t));

  const submit = (body: CreateAlertRequest) => {
    const described = conditionText({ price: null, percent: null, windowMinutes: null, ...body }, t, format);
    if (editing) {
      const { price, percent, windowMinutes, note } = body;
      update.mutate(
        { id: editing.id, body: { ...(price && { price }), ...(percent && { percent }), ...(windowMinutes && { windowMinutes }), note: note ?? '' } },
        { onSuccess: () => (setEditing(null), say('success', t('alerts.updated', { condition: described }))), onError: failed },
      );
    } else {
      create.mutate(body, { onSuccess: () => say('success', t('alerts.created', { condition: described })), onError: failed });
    }
  };

  const alerts = data?.alerts ?? [];
  return (
    <Panel title={t('alerts.title')}>
      <Stack spacing={2}>
        {livePrice ? (
          <Typography variant="body2" color="text.secondary">
            {t('alerts.livePrice', { price: format.price(livePrice) })}
          </Typography>
        ) : null}
        <AlertForm
          // A fresh form per symbol and per edited alert, seeded with its values.
          key={editing?.id ?? symbol}
          symbol={editing?.symbol ?? symbol}
          initial={valuesOf(editing, livePrice)}
          editing={editing !== null}
          pending={create.isPending || update.isPending}
          onSubmit={submit}
          onCancel={editing ? () => setEditing(null) : undefined}
        />
        <Typography variant="subtitle2" component="h3">
          {t('alerts.list')}
        </Typography>
        {alerts.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t('alerts.empty')}
          </Typography>
        ) : (
          <List dense disablePadding>
            {alerts.map((alert) => {
              const name = conditionText(alert, t, format);
              return (
                <ListItem
                  key={alert.id}
                  disableGutters
                  divider
                  secondaryAction={
                    <Stack direction="row">
                      <IconButton size="small" aria-label={t('alerts.edit', { name })} onClick={() => setEditing(alert)}>
                        <EditIcon fontSize="small" />
                      </IconButton>
                      <IconButton
                        size="small"
                        aria-label={t('alerts.delete', { name })}
                        disabled={remove.isPending}
                        onClick={() => remove.mutate(alert.id, { onSuccess: () => say('success', t('alerts.deleted')), onError: failed })}
                      >
                        <DeleteIcon fontSize="small" />
                      </IconButton>
                    </Stack>
                  }
                  sx={{ pr: 10 }}
                >
                  <ListItemText
                    primary={name}
                    secondary={alert.note || undefined}
                    slotProps={{ primary: { sx: { overflowWrap: 'anywhere' } }, secondary: { sx: { overflowWrap: 'anywhere' } } }}
                  />
                  <Chip size="small" variant="outlined" color={alert.status === 'ACTIVE' ? 'success' : 'default'} label={t(`alerts.status.${alert.status}`)} sx={{ ml: 1 }} />
                </ListItem>
              );
            })}
          </List>
        )}
      </Stack>
      <ResultToast toast={toast} onClose={() => setToast(null)} closeLabel={t('common.close')} />
    </Panel>
  );
}
