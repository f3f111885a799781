import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useLogOut } from '@/features/auth';
import { useT } from '@/lib/i18n';
import { useSession } from '@/lib/session';

/** Log in / sign up when signed out; the username and a logout button when signed in. */
export function AccountMenu({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const { user, tokens } = useSession();
  const logOut = useLogOut();
  if (tokens && user) {
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        {compact ? null : (
          // Usernames run to 32 characters: room for them at desktop widths, the full name on hover.
          <Typography variant="body2" color="text.secondary" noWrap title={user.username} sx={{ maxWidth: { sm: 200, lg: 360 } }}>
            {t('nav.signedInAs', { username: user.username })}
          </Typography>
        )}
        <Button size="small" variant="outlined" onClick={logOut}>
          {t('nav.logout')}
        </Button>
      </Stack>
    );
  }
  return (
    <Stack direction="row" spacing={1}>
      <Button size="small" component={RouterLink} to="/login">
        {t('nav.login')}
      </Button>
      <Button size="small" variant="contained" component={RouterLink} to="/register">
        {t('nav.register')}
      </Button>
    </Stack>
  );
}
