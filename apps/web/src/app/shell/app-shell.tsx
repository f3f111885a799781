import { Suspense, useState } from 'react';
import { Outlet, Link as RouterLink, useLocation } from 'react-router';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { MenuIcon } from '@/components/icons';
import { AlertBell } from '@/features/alerts';
import { useSession } from '@/lib/session';
import { useT } from '@/lib/i18n';
import { AccountMenu } from './account-menu';
import { AppFooter } from './app-footer';
import { LanguageSwitch } from './language-switch';
import { NavDrawer } from './nav-drawer';
import { SkipLinks } from './skip-links';
import { NAV_ITEMS, isCurrent } from './nav-items';
import { ThemeSwitch } from './theme-switch';

const MAIN_ID = 'main-content';

export function AppShell() {
  const t = useT();
  const { pathname } = useLocation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const signedIn = useSession().tokens !== null;
  // Below `md` the links and switches move into a drawer. Rendering one layout (not hiding the
  // other with CSS) keeps each control once in the DOM. Without matchMedia (tests), wide.
  const wide = useMediaQuery(useTheme().breakpoints.up('md'), { noSsr: true, defaultMatches: true });
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <SkipLinks mainId={MAIN_ID} />
      <AppBar position="sticky" color="default" elevation={0} sx={{ borderBottom: 1, borderColor: 'divider' }}>
        <Toolbar sx={{ gap: { xs: 1, md: 2 } }}>
          {wide ? null : (
            <IconButton edge="start" aria-label={t('nav.openMenu')} aria-expanded={drawerOpen} onClick={() => setDrawerOpen(true)}>
              <MenuIcon />
            </IconButton>
          )}
          <Link component={RouterLink} to="/" underline="none" color="inherit" sx={{ display: 'inline-flex', alignItems: 'baseline', gap: 1, minWidth: 0 }}>
            <Typography component="span" variant="h6" sx={{ fontWeight: 700, color: 'primary.main' }}>
              {t('app.name')}
            </Typography>
            <Typography component="span" variant="body2" color="text.secondary" noWrap sx={{ display: { xs: 'none', xl: 'inline' } }}>
              {t('app.tagline')}
            </Typography>
          </Link>
          {wide ? (
          <Box component="nav" aria-label={t('nav.main')} sx={{ display: 'flex', gap: 0.5, ml: 2 }}>
            {NAV_ITEMS.map((item) => {
              const current = isCurrent(item, pathname);
              return (
                <Button
                  key={item.to}
                  component={RouterLink}
                  to={item.to}
                  color={current ? 'primary' : 'inherit'}
                  aria-current={current ? 'page' : undefined}
                  sx={{ fontWeight: current ? 700 : 500 }}
                >
                  {t(item.label)}
                </Button>
              );
            })}
          </Box>
          ) : null}
          <Box sx={{ flexGrow: 1 }} />
          {wide ? (
            // With six nav items the bar is full at 1280 px: the username gives way (it truncates), never the switches or Log out.
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minWidth: 0, '& > *': { minWidth: 0 }, '& .MuiToggleButtonGroup-root, & .MuiButton-root': { flexShrink: 0, whiteSpace: 'nowrap' } }}>
              <LanguageSwitch />
              <ThemeSwitch />
              {signedIn ? (
                <Suspense fallback={null}>
                  <AlertBell />
                </Suspense>
              ) : null}
              <AccountMenu />
            </Stack>
          ) : (
            <>
              {signedIn ? (
                <Suspense fallback={null}>
                  <AlertBell />
                </Suspense>
              ) : null}
              <AccountMenu compact />
            </>
          )}
        </Toolbar>
      </AppBar>
      {wide ? null : <NavDrawer open={drawerOpen} onClose={() => setDrawerOpen(false)} />}
      <Container component="main" id={MAIN_ID} tabIndex={-1} maxWidth="lg" sx={{ py: { xs: 2, sm: 4 }, px: { xs: 1.5, sm: 3 }, flexGrow: 1, outline: 'none' }}>
        <Outlet />
      </Container>
      <AppFooter />
    </Box>
  );
}
