import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { CHAT_MESSAGE_MAX_LENGTH } from '@cryptosim/contracts';
import { useT } from '@/lib/i18n';

/** Past this share of the limit the character count shows, so a long paste is not cut silently. */
const COUNT_FROM = CHAT_MESSAGE_MAX_LENGTH * 0.8;

/**
 * The question box. Enter sends and Shift+Enter breaks the line; while an answer streams in,
 * Send becomes Stop. The box takes at most the server's limit, so an over-long question is
 * caught here before the server's 400. While `waitSeconds` (the rate limit's Retry-After)
 * counts down, Send is disabled and the count shows under the box.
 */
export function ChatComposer({ busy, waitSeconds = 0, onAsk, onStop }: { busy: boolean; waitSeconds?: number; onAsk: (question: string) => void; onStop: () => void }) {
  const t = useT();
  const hintId = useId();
  const [text, setText] = useState('');
  const blank = text.trim() === '';
  const waiting = waitSeconds > 0;

  const send = () => {
    if (busy || blank || waiting) return;
    onAsk(text);
    setText('');
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  return (
    <Stack component="form" onSubmit={onSubmit} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
      <TextField
        label={t('assistant.input')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        multiline
        maxRows={6}
        size="small"
        fullWidth
        helperText={
          waiting
            ? t('assistant.waitToAsk', { seconds: waitSeconds })
            : text.length >= COUNT_FROM
              ? t('assistant.length', { count: text.length, max: CHAT_MESSAGE_MAX_LENGTH })
              : t('assistant.hint')
        }
        slotProps={{ htmlInput: { maxLength: CHAT_MESSAGE_MAX_LENGTH, 'aria-describedby': hintId }, formHelperText: { id: hintId, role: 'status', 'aria-live': 'polite' } }}
      />
      {busy ? (
        <Button variant="outlined" color="error" onClick={onStop} sx={{ flexShrink: 0, mt: 0.25 }}>{t('assistant.stop')}</Button>
      ) : (
        <Button type="submit" variant="contained" disabled={blank || waiting} sx={{ flexShrink: 0, mt: 0.25 }}>{t('assistant.send')}</Button>
      )}
    </Stack>
  );
}
