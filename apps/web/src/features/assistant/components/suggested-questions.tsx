import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { useT, type MessageKey } from '@/lib/i18n';

const GENERAL: MessageKey[] = ['assistant.suggest.price', 'assistant.suggest.portfolio', 'assistant.suggest.prediction', 'assistant.suggest.fees', 'assistant.suggest.refused'];
const ON_SYMBOL: MessageKey[] = ['assistant.suggest.price', 'assistant.suggest.rsi', 'assistant.suggest.prediction', 'assistant.suggest.draft'];

/** The coin a symbol trades ("BTCUSDT" → "BTC"), which the questions name. */
export const coinOf = (symbol: string) => symbol.replace(/USDT$/, '') || symbol;

/** Questions to start with, in the UI language; with a symbol on screen they are about that coin. */
export function suggestedQuestions(t: (key: MessageKey, params?: Record<string, string>) => string, symbol?: string): string[] {
  const coin = coinOf(symbol ?? 'BTCUSDT');
  return (symbol ? ON_SYMBOL : GENERAL).map((key) => t(key, { coin }));
}

export function SuggestedQuestions({ symbol, onAsk, disabled }: { symbol?: string; onAsk: (question: string) => void; disabled: boolean }) {
  const t = useT();
  const id = useId();
  return (
    <Box>
      <Typography id={id} component="p" variant="body2" color="text.secondary" sx={{ mb: 0.75 }}>{t('assistant.suggestions')}</Typography>
      <Box component="ul" aria-labelledby={id} sx={{ listStyle: 'none', p: 0, m: 0, display: 'flex', flexWrap: 'wrap', gap: 0.75 }}>
        {suggestedQuestions(t, symbol).map((question) => (
          <li key={question} style={{ maxWidth: '100%' }}>
            <Button size="small" variant="outlined" disabled={disabled} onClick={() => onAsk(question)} sx={{ textTransform: 'none', textAlign: 'left', maxWidth: '100%' }}>
              {question}
            </Button>
          </li>
        ))}
      </Box>
    </Box>
  );
}
