import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ApiKeyPermission, ApiKeyType, CreateApiKeyResponse } from '@cryptosim/contracts';
import { ApiError } from '@/lib/api';
import { useT, type Translate } from '@/lib/i18n';
import { useCreateApiKey } from '../api/api-keys';

type Field = 'label' | 'permissions' | 'publicKey' | 'ipAllowlist';
type Errors = Partial<Record<Field, string>>;

const splitList = (text: string) => text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);

/** The server's field errors (paths like body/ipAllowlist/2) in the user's language. */
function errorsFromProblem(error: ApiError, ips: string[], t: Translate): { fields: Errors; form?: string } {
  if (error.code === 'CONFLICT') return { fields: {}, form: t('apiKeys.error.limit') };
  if (error.code === 'RATE_LIMITED') return { fields: {}, form: t('apiKeys.error.rateLimited') };
  if (error.code !== 'VALIDATION_FAILED') return { fields: {}, form: t('error.generic', { code: error.code }) };
  const fields: Errors = {};
  for (const issue of error.problem?.errors ?? []) {
    const ip = /^body\/ipAllowlist\/(\d+)/.exec(issue.path);
    if (ip) fields.ipAllowlist ??= t('apiKeys.error.ip', { entry: ips[Number(ip[1])] ?? '' });
    else if (issue.path.startsWith('body/publicKey')) fields.publicKey = t('apiKeys.error.publicKey');
    else if (issue.path.startsWith('body/label')) fields.label = t('apiKeys.error.label');
    else if (issue.path.startsWith('body/permissions')) fields.permissions = t('apiKeys.error.permissions');
  }
  return Object.keys(fields).length > 0 ? { fields } : { fields, form: t('error.generic', { code: error.code }) };
}

export function CreateApiKeyForm({ onCreated }: { onCreated: (created: CreateApiKeyResponse) => void }) {
  const t = useT();
  const create = useCreateApiKey();
  const [label, setLabel] = useState('');
  const [read, setRead] = useState(true);
  const [trade, setTrade] = useState(false);
  const [type, setType] = useState<ApiKeyType>('HMAC_SHA256');
  const [publicKey, setPublicKey] = useState('');
  const [ipText, setIpText] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const found: Errors = {};
    if (label.trim() === '') found.label = t('apiKeys.error.label');
    if (!read && !trade) found.permissions = t('apiKeys.error.permissions');
    if (type === 'ED25519' && publicKey.trim() === '') found.publicKey = t('apiKeys.error.publicKeyMissing');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const ips = splitList(ipText);
    const permissions: ApiKeyPermission[] = [...(read ? (['read'] as const) : []), ...(trade ? (['trade'] as const) : [])];
    create.mutate(
      { label: label.trim(), permissions, type, ...(type === 'ED25519' ? { publicKey } : {}), ...(ips.length > 0 ? { ipAllowlist: ips } : {}) },
      {
        onSuccess: (created) => {
          setLabel('');
          setPublicKey('');
          setIpText('');
          onCreated(created);
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) return setFormError(t('error.generic', { code: 'UNKNOWN' }));
          const mapped = errorsFromProblem(error, ips, t);
          setErrors(mapped.fields);
          setFormError(mapped.form ?? null);
        },
      },
    );
  };

  return (
    <Stack component="form" noValidate spacing={2} onSubmit={submit} aria-labelledby="api-key-create-title">
      <Typography id="api-key-create-title" variant="subtitle1" component="h3">
        {t('apiKeys.create.title')}
      </Typography>
      {formError ? <Alert severity="error">{formError}</Alert> : null}
      <TextField
        label={t('apiKeys.create.label')}
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        required
        error={errors.label !== undefined}
        helperText={errors.label ?? t('apiKeys.create.labelHelp')}
        slotProps={{ htmlInput: { maxLength: 64 } }}
      />
      <FormControl component="fieldset" error={errors.permissions !== undefined}>
        <FormLabel component="legend">{t('apiKeys.create.permissions')}</FormLabel>
        <FormGroup>
          <FormControlLabel control={<Checkbox checked={read} onChange={(e) => setRead(e.target.checked)} />} label={t('apiKeys.create.read')} />
          <FormControlLabel control={<Checkbox checked={trade} onChange={(e) => setTrade(e.target.checked)} />} label={t('apiKeys.create.trade')} />
        </FormGroup>
        {errors.permissions ? <FormHelperText>{errors.permissions}</FormHelperText> : null}
      </FormControl>
      <FormControl component="fieldset">
        <FormLabel component="legend">{t('apiKeys.create.type')}</FormLabel>
        <RadioGroup value={type} onChange={(e) => setType(e.target.value as ApiKeyType)}>
          <FormControlLabel value="HMAC_SHA256" control={<Radio />} label={t('apiKeys.create.hmac')} />
          <FormControlLabel value="ED25519" control={<Radio />} label={t('apiKeys.create.ed25519')} />
        </RadioGroup>
      </FormControl>
      {type === 'ED25519' ? (
        <TextField
          label={t('apiKeys.create.publicKey')}
          value={publicKey}
          onChange={(e) => setPublicKey(e.target.value)}
          multiline
          minRows={3}
          required
          error={errors.publicKey !== undefined}
          helperText={errors.publicKey ?? t('apiKeys.create.publicKeyHelp')}
          slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
        />
      ) : null}
      <TextField
        label={t('apiKeys.create.ipAllowlist')}
        value={ipText}
        onChange={(e) => setIpText(e.target.value)}
        multiline
        minRows={2}
        error={errors.ipAllowlist !== undefined}
        helperText={errors.ipAllowlist ?? t('apiKeys.create.ipAllowlistHelp')}
        slotProps={{ htmlInput: { spellCheck: false } }}
      />
      <div>
        <Button type="submit" variant="contained" disabled={create.isPending}>
          {t('apiKeys.create.submit')}
        </Button>
      </div>
    </Stack>
  );
}
