import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useT } from '@/lib/i18n';

export function AppFooter() {
  const t = useT();
  return (
    <Box component="footer" sx={{ borderTop: 1, borderColor: 'divider', py: 2, px: 2 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0.5, sm: 2 }} sx={{ justifyContent: 'center', alignItems: 'center' }}>
        <Typography variant="caption" color="text.secondary">
          {t('footer.disclaimer')}
        </Typography>
        <Link component={RouterLink} to="/status" variant="caption">
          {t('footer.status')}
        </Link>
      </Stack>
    </Box>
  );
}
