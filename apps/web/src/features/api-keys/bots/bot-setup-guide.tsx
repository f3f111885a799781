import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useT } from '@/lib/i18n';
import { CopyField } from '../components/copy-field';
import { botSnippets, botUrls } from './bot-snippets';
import { CodeBlock } from './code-block';

const ENDPOINT_KEYS = ['apiKeys.bots.endpoints.public', 'apiKeys.bots.endpoints.signed', 'apiKeys.bots.endpoints.streams'] as const;
const DIFFERENCE_KEYS = ['apiKeys.bots.diff.money', 'apiKeys.bots.diff.fees', 'apiKeys.bots.diff.book', 'apiKeys.bots.diff.missing', 'apiKeys.bots.diff.keys'] as const;

/**
 * Settings → Trading bots: how to point a bot written for Binance at this server: the URLs of
 * the server that served the page, examples for common client libraries, what is served and
 * how it differs from Binance. The body of a settings section; the page gives its heading.
 */
export function BotSetupGuide() {
  const t = useT();
  const urls = botUrls(window.location);
  return (
    <Stack spacing={2}>
      <Typography variant="body2">{t('apiKeys.bots.intro')}</Typography>
      <CopyField id="bot-rest-url" label={t('apiKeys.bots.restUrl')} value={urls.rest} />
      <CopyField id="bot-stream-url" label={t('apiKeys.bots.streamUrl')} value={urls.streams} />

      <Typography variant="subtitle1" component="h3">
        {t('apiKeys.bots.examples')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('apiKeys.bots.examplesHelp')}
      </Typography>
      {botSnippets(urls).map((snippet, i) => (
        <CodeBlock key={snippet.library} id={`bot-example-${i}`} title={snippet.library} label={t('apiKeys.bots.exampleLabel', { library: snippet.library })} code={snippet.code} />
      ))}

      <Typography variant="subtitle1" component="h3">
        {t('apiKeys.bots.endpoints')}
      </Typography>
      <BulletList items={ENDPOINT_KEYS.map((k) => t(k))} />

      <Typography variant="subtitle1" component="h3">
        {t('apiKeys.bots.differences')}
      </Typography>
      <BulletList items={DIFFERENCE_KEYS.map((k) => t(k))} />
    </Stack>
  );
}

function BulletList({ items }: { items: string[] }) {
  return (
    <Stack component="ul" spacing={0.5} sx={{ m: 0, pl: 3 }}>
      {items.map((item) => (
        <Typography key={item} component="li" variant="body2">
          {item}
        </Typography>
      ))}
    </Stack>
  );
}
