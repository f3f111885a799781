import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useT } from '@/lib/i18n';

/** A titled, copyable block of code; the block scrolls sideways on a phone and takes keyboard focus to do so. */
export function CodeBlock({ id, title, label, code }: { id: string; title: string; label: string; code: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(code).then(() => setCopied(true), () => setCopied(false));
  };
  return (
    <Stack spacing={0.5}>
      <Typography id={`${id}-title`} variant="subtitle2" component="h4">
        {title}
      </Typography>
      <Box
        component="pre"
        tabIndex={0}
        aria-label={label}
        data-testid={id}
        sx={{ m: 0, p: 1, overflowX: 'auto', fontSize: '0.8rem', bgcolor: 'action.hover', borderRadius: 1 }}
      >
        <code>{code}</code>
      </Box>
      <div>
        <Button size="small" variant="outlined" onClick={copy} aria-live="polite">
          {copied ? t('apiKeys.secret.copied') : t('apiKeys.secret.copy', { what: title })}
        </Button>
      </div>
    </Stack>
  );
}
