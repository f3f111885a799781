import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';

export interface ToastMessage {
  severity: 'success' | 'error' | 'info';
  text: string;
  /** Distinguishes two equal texts in a row, so the second one shows again. */
  id: number;
}

/**
 * The outcome of an action, announced politely (role="status") for successes and assertively
 * (role="alert") for failures. Errors stay until closed; successes leave after a few seconds.
 */
export function ResultToast({ toast, onClose, closeLabel }: { toast: ToastMessage | null; onClose: () => void; closeLabel: string }) {
  return (
    <Snackbar
      key={toast?.id}
      open={toast !== null}
      autoHideDuration={toast?.severity === 'error' ? null : 6_000}
      onClose={(_event, reason) => {
        if (reason !== 'clickaway') onClose();
      }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      // Never wider than the screen, and clear of the bottom rows a user just acted on.
      sx={{ maxWidth: { xs: 'calc(100vw - 16px)', sm: 560 }, bottom: { xs: 8, sm: 24 } }}
    >
      {toast ? (
        <Alert
          severity={toast.severity}
          variant="filled"
          onClose={onClose}
          role={toast.severity === 'error' ? 'alert' : 'status'}
          closeText={closeLabel}
          sx={{ width: '100%', minWidth: 0, overflowWrap: 'anywhere' }}
        >
          {toast.text}
        </Alert>
      ) : undefined}
    </Snackbar>
  );
}
