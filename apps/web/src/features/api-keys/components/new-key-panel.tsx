import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { CreateApiKeyResponse } from '@cryptosim/contracts';
import { useT } from '@/lib/i18n';
import { CopyField } from './copy-field';

/** The key just created; an HMAC secret is shown here once and is gone when this closes. */
export function NewKeyPanel({ created, onDone }: { created: CreateApiKeyResponse; onDone: () => void }) {
  const t = useT();
  return (
    <Stack spacing={2} component="section" aria-labelledby="api-key-new-title" sx={{ border: 1, borderColor: 'warning.main', borderRadius: 1, p: 2 }}>
      <Typography id="api-key-new-title" variant="subtitle1" component="h3">
        {t('apiKeys.secret.title')} · {created.apiKey.label}
      </Typography>
      {created.secret ? <Alert severity="warning">{t('apiKeys.secret.warning')}</Alert> : <Alert severity="success">{t('apiKeys.secret.ed25519Done')}</Alert>}
      <CopyField id="api-key-new-key" label={t('apiKeys.secret.apiKey')} value={created.apiKey.key} />
      {created.secret ? <CopyField id="api-key-new-secret" label={t('apiKeys.secret.secretKey')} value={created.secret} /> : null}
      <div>
        <Button variant="contained" onClick={onDone}>
          {t('apiKeys.secret.done')}
        </Button>
      </div>
    </Stack>
  );
}
