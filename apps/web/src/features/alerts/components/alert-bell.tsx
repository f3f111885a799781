import { useId, useState } from 'react';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Popover from '@mui/material/Popover';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { BellIcon } from '@/components/icons';
import { ResultToast } from '@/components/result-toast';
import { useFormat, useT } from '@/lib/i18n';
import { useAlertNotifications, useMarkAllRead, useMarkRead } from '../api/alerts';
import { useAlertEvents } from '../hooks/use-alert-events';
import { conditionText } from './alert-text';

/** "3", or "99+" past 99: the badge's text, and the same in the button's name. */
export function unreadLabel(unread: number): string {
  return unread > 99 ? '99+' : String(unread);
}

/**
 * The app bar's bell: the unread count, the alert centre in a popover, and the toast of a
 * newly fired alert. The badge is hidden from assistive technology; the button's name carries
 * the count instead ("Notifications, 3 unread"), so what is seen is also what is announced.
 */
export function AlertBell() {
  const t = useT();
  const format = useFormat();
  const headingId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { data } = useAlertNotifications();
  const markAll = useMarkAllRead();
  const markOne = useMarkRead();
  const { toast, clear } = useAlertEvents();
  const [permission, setPermission] = useState(() => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission));
  const unread = data?.unread ?? 0;
  const label = unreadLabel(unread);
  return (
    <>
      <IconButton
        aria-label={unread > 0 ? t('notifications.button', { count: label }) : t('notifications.buttonNone')}
        aria-haspopup="dialog"
        aria-expanded={anchor !== null}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        {/* No badge at all when nothing is unread: an invisible MUI badge keeps its last number in
            the DOM, which axe counts as visible text missing from the name. */}
        {unread > 0 ? (
          <Badge badgeContent={label} color="error" slotProps={{ badge: { 'aria-hidden': true } }}>
            <BellIcon />
          </Badge>
        ) : (
          <BellIcon />
        )}
      </IconButton>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { role: 'dialog', 'aria-labelledby': headingId, sx: { width: 'min(360px, calc(100vw - 16px))' } } }}
      >
        <Box sx={{ p: 2 }}>
          <Stack direction="row" sx={{ alignItems: 'center', gap: 1, mb: 1 }}>
            <Typography id={headingId} variant="h6" component="h2" sx={{ flexGrow: 1 }}>
              {t('notifications.title')}
            </Typography>
            {/* Never disabled: a focused button that turns disabled drops focus out of the popover
                (and Escape with it); with nothing unread the click does nothing. */}
            <Button
              size="small"
              onClick={() => {
                if (unread > 0 && !markAll.isPending) markAll.mutate();
              }}
            >
              {t('notifications.markAllRead')}
            </Button>
          </Stack>
          {data && data.notifications.length > 0 ? (
            <List dense disablePadding sx={{ maxHeight: 360, overflowY: 'auto' }}>
              {data.notifications.map((n) => (
                <ListItem
                  key={n.id}
                  disableGutters
                  divider
                  secondaryAction={
                    n.read ? null : (
                      // The name starts with the visible words, then says which alert.
                      <Button size="small" onClick={() => markOne.mutate(n.id)} disabled={markOne.isPending && markOne.variables === n.id}
                        aria-label={t('notifications.markReadLabel', { what: conditionText(n, t, format) })}>
                        {t('notifications.markRead')}
                      </Button>
                    )
                  }
                  sx={n.read ? undefined : { pr: 12 }}
                >
                  <ListItemText
                    primary={
                      <>
                        {n.read ? null : (
                          <Typography component="span" variant="caption" color="primary" sx={{ fontWeight: 700, mr: 1 }}>
                            {t('notifications.unread')}
                          </Typography>
                        )}
                        {conditionText(n, t, format)}
                      </>
                    }
                    secondary={`${format.price(n.triggeredPrice)} · ${format.dateTime(Date.parse(n.createdAt))}${n.note ? ` · ${n.note}` : ''}`}
                    slotProps={{ primary: { sx: { overflowWrap: 'anywhere' } }, secondary: { sx: { overflowWrap: 'anywhere' } } }}
                  />
                </ListItem>
              ))}
            </List>
          ) : (
            <Typography variant="body2" color="text.secondary">
              {t('notifications.empty')}
            </Typography>
          )}
          {permission === 'default' ? (
            <Button size="small" sx={{ mt: 1 }} onClick={() => void Notification.requestPermission().then(setPermission)}>
              {t('notifications.enableBrowser')}
            </Button>
          ) : null}
          {permission === 'denied' ? (
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
              {t('notifications.browserBlocked')}
            </Typography>
          ) : null}
        </Box>
      </Popover>
      <ResultToast toast={toast} onClose={clear} closeLabel={t('common.close')} />
    </>
  );
}
