import { useState } from 'react';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useT } from '@/lib/i18n';

/** A value shown in full (wrapping on a phone) with a button that copies it. */
export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(value).then(() => setCopied(true), () => setCopied(false));
  };
  return (
    <Stack spacing={0.5}>
      <Typography id={`${id}-label`} variant="subtitle2" component="h4">
        {label}
      </Typography>
      <Typography
        aria-labelledby={`${id}-label`}
        data-testid={id}
        variant="body2"
        sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere', bgcolor: 'action.hover', p: 1, borderRadius: 1 }}
      >
        {value}
      </Typography>
      <div>
        <Button size="small" variant="outlined" onClick={copy} aria-live="polite">
          {copied ? t('apiKeys.secret.copied') : t('apiKeys.secret.copy', { what: label })}
        </Button>
      </div>
    </Stack>
  );
}
