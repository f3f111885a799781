import { Outlet, Link as RouterLink } from 'react-router';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Container from '@mui/material/Container';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useT } from '../../lib/i18n';
import { LanguageSwitch } from './language-switch';
import { ThemeSwitch } from './theme-switch';

const MAIN_ID = 'main-content';

export function AppShell() {
  const t = useT();
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <Link
        href={`#${MAIN_ID}`}
        sx={{
          position: 'absolute',
          left: -9999,
          zIndex: (theme) => theme.zIndex.tooltip,
          '&:focus': { left: 8, top: 8, p: 1, bgcolor: 'background.paper' },
        }}
      >
        {t('app.skipToContent')}
      </Link>
      <AppBar position="sticky" color="default" elevation={0} sx={{ borderBottom: 1, borderColor: 'divider' }}>
        <Toolbar sx={{ gap: 2, flexWrap: 'wrap', py: { xs: 1, sm: 0 } }}>
          <Box sx={{ flexGrow: 1, minWidth: 0 }}>
            <Link
              component={RouterLink}
              to="/"
              underline="none"
              color="inherit"
              sx={{ display: 'inline-flex', alignItems: 'baseline', gap: 1 }}
            >
              <Typography component="span" variant="h6" sx={{ fontWeight: 700, color: 'primary.main' }}>
                {t('app.name')}
              </Typography>
              <Typography component="span" variant="body2" color="text.secondary" sx={{ display: { xs: 'none', sm: 'inline' } }}>
                {t('app.tagline')}
              </Typography>
            </Link>
          </Box>
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
            <LanguageSwitch />
            <ThemeSwitch />
          </Stack>
        </Toolbar>
      </AppBar>
      <Container component="main" id={MAIN_ID} tabIndex={-1} maxWidth="lg" sx={{ py: 4, flexGrow: 1, outline: 'none' }}>
        <Outlet />
      </Container>
    </Box>
  );
}
