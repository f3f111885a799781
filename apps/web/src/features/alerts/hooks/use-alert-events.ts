import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AlertNotification } from '@cryptosim/contracts';
import type { ToastMessage } from '@/components/result-toast';
import { useFormat, useT } from '@/lib/i18n';
import { useUserChannel } from '@/lib/ws';
import { alertKeys } from '../api/alerts';
import { firedText } from '../components/alert-text';

/**
 * /ws/alerts: a fired alert refreshes the alert lists and the centre, shows a toast, and a
 * browser notification when the user has allowed them (asked only from a button).
 */
export function useAlertEvents(): { toast: ToastMessage | null; clear: () => void } {
  const t = useT();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const onFrame = useCallback(
    (frame: unknown) => {
      const message = frame as { type?: string; data?: AlertNotification };
      if (message.type !== 'alert' || !message.data) return;
      void queryClient.invalidateQueries({ queryKey: alertKeys.all });
      const text = firedText(message.data, t, format);
      setToast({ severity: 'info', text, id: Date.now() });
      if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
        try {
          new Notification(t('alerts.title'), { body: text, tag: message.data.id });
        } catch {
          // Some browsers (Android Chrome) allow notifications only from a service worker; the toast stands.
        }
      }
    },
    [queryClient, t, format],
  );
  useUserChannel('alerts', onFrame);
  return { toast, clear: () => setToast(null) };
}
