import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ApiKey } from '@cryptosim/contracts';
import { VisuallyHidden } from '@/components/visually-hidden';
import { useFormat, useT } from '@/lib/i18n';
import { useApiKeys } from '../api/api-keys';

/** The user's keys as a list (a table would not fit 360 px with 64-character keys). */
export function ApiKeyList({ onRevoke }: { onRevoke: (key: ApiKey) => void }) {
  const t = useT();
  const format = useFormat();
  const keys = useApiKeys();

  if (keys.isPending) return <CircularProgress size={24} aria-label={t('common.loading')} role="status" />;
  if (keys.isError) return <Alert severity="error">{t('apiKeys.list.failed')}</Alert>;
  if (keys.data.apiKeys.length === 0) return <Typography variant="body2">{t('apiKeys.list.none')}</Typography>;

  return (
    <Box component="ul" aria-label={t('apiKeys.list.title')} sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1.5 }}>
      {keys.data.apiKeys.map((key) => (
        <Box component="li" key={key.id} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}>
          <Stack spacing={1}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
              <Typography variant="subtitle2" component="h4" sx={{ overflowWrap: 'anywhere' }}>
                {key.label}
              </Typography>
              <Chip size="small" variant="outlined" label={t(`apiKeys.type.${key.type}`)} />
              {key.permissions.map((p) => (
                <Chip key={p} size="small" color={p === 'trade' ? 'warning' : 'default'} label={t(`apiKeys.permission.${p}`)} />
              ))}
            </Stack>
            <Typography variant="body2" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
              <VisuallyHidden>{t('apiKeys.column.key')}: </VisuallyHidden>
              {key.key}
            </Typography>
            {key.ipAllowlist.length > 0 ? (
              <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                {t('apiKeys.ipOnly', { list: key.ipAllowlist.join(', ') })}
              </Typography>
            ) : null}
            <Typography variant="body2" color="text.secondary">
              {t('apiKeys.column.lastUsed')}: {key.lastUsedAt ? format.dateTime(Date.parse(key.lastUsedAt)) : t('apiKeys.never')} · {t('apiKeys.column.created')}:{' '}
              {format.dateTime(Date.parse(key.createdAt))}
            </Typography>
            <div>
              <Button size="small" color="error" variant="outlined" onClick={() => onRevoke(key)} aria-label={t('apiKeys.revokeNamed', { label: key.label })}>
                {t('apiKeys.revoke')}
              </Button>
            </div>
          </Stack>
        </Box>
      ))}
    </Box>
  );
}
