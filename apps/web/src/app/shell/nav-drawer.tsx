import { Link as RouterLink, useLocation } from 'react-router';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import { useT } from '@/lib/i18n';
import { AccountMenu } from './account-menu';
import { LanguageSwitch } from './language-switch';
import { NAV_ITEMS, isCurrent } from './nav-items';
import { ThemeSwitch } from './theme-switch';

/** The phone navigation: every link and switch the wide header shows, in a side sheet. */
export function NavDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { pathname } = useLocation();
  return (
    <Drawer open={open} onClose={onClose} slotProps={{ paper: { sx: { width: 280 } } }}>
      <Box component="nav" aria-label={t('nav.main')} onClick={onClose}>
        <List>
          {NAV_ITEMS.map((item) => (
            <ListItemButton
              key={item.to}
              component={RouterLink}
              to={item.to}
              selected={isCurrent(item, pathname)}
              aria-current={isCurrent(item, pathname) ? 'page' : undefined}
            >
              <ListItemText primary={t(item.label)} />
            </ListItemButton>
          ))}
        </List>
      </Box>
      <Divider />
      <Stack spacing={2} sx={{ p: 2, alignItems: 'flex-start' }}>
        <AccountMenu />
        <LanguageSwitch />
        <ThemeSwitch />
      </Stack>
    </Drawer>
  );
}
