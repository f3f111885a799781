import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import type { ApiKey, CreateApiKeyResponse } from '@cryptosim/contracts';
import { ApiError } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { useRevokeApiKey } from '../api/api-keys';
import { ApiKeyList } from './api-key-list';
import { CreateApiKeyForm } from './create-api-key-form';
import { NewKeyPanel } from './new-key-panel';

/**
 * Settings → API keys: create (an HMAC secret is shown once), list, revoke with confirmation.
 * The body of a settings section; the page gives it its card and heading (apiKeys.title).
 */
export function ApiKeysSection() {
  const t = useT();
  const revoke = useRevokeApiKey();
  const [created, setCreated] = useState<CreateApiKeyResponse | null>(null);
  const [toRevoke, setToRevoke] = useState<ApiKey | null>(null);
  const [revokedLabel, setRevokedLabel] = useState<string | null>(null);
  const baseUrl = `${window.location.origin}/binance`;

  const confirmRevoke = () => {
    if (!toRevoke) return;
    const key = toRevoke;
    revoke.mutate(key.id, {
      onSuccess: () => setRevokedLabel(key.label),
      onSettled: () => setToRevoke(null),
    });
  };
  const revokeFailure = revoke.error ? t('error.generic', { code: revoke.error instanceof ApiError ? revoke.error.code : 'UNKNOWN' }) : null;

  return (
    <>
      <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
        {t('apiKeys.description', { baseUrl })}
      </Typography>
      {created ? (
        <NewKeyPanel created={created} onDone={() => setCreated(null)} />
      ) : (
        <CreateApiKeyForm
          onCreated={(next) => {
            setRevokedLabel(null);
            setCreated(next);
          }}
        />
      )}
      <Divider />
      <Typography variant="subtitle1" component="h3">
        {t('apiKeys.list.title')}
      </Typography>
      {revokedLabel ? <Alert severity="success">{t('apiKeys.revoke.done', { label: revokedLabel })}</Alert> : null}
      {revokeFailure ? <Alert severity="error">{revokeFailure}</Alert> : null}
      <ApiKeyList onRevoke={setToRevoke} />
      <Dialog open={toRevoke !== null} onClose={() => setToRevoke(null)} aria-labelledby="api-key-revoke-title" aria-describedby="api-key-revoke-body">
        <DialogTitle id="api-key-revoke-title">{t('apiKeys.revoke.title', { label: toRevoke?.label ?? '' })}</DialogTitle>
        <DialogContent>
          <DialogContentText id="api-key-revoke-body">{t('apiKeys.revoke.body')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button autoFocus onClick={() => setToRevoke(null)}>
            {t('common.cancel')}
          </Button>
          <Button color="error" variant="contained" onClick={confirmRevoke} disabled={revoke.isPending}>
            {t('apiKeys.revoke.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
