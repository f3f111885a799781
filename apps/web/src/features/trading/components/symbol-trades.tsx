import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { FillsTable } from '@/components/fills-table';
import { Panel } from '@/components/panel';
import { orderProblemText } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { useTradeHistory } from '@/lib/trading';

/** The user's own fills in this symbol, newest first, a page at a time. */
export function SymbolTrades({ symbol }: { symbol: string }) {
  const t = useT();
  const history = useTradeHistory({ symbol }, 20);
  const fills = history.data?.pages.flatMap((page) => page.transactions) ?? [];
  let body;
  if (history.error) body = <Typography variant="body2" color="error">{orderProblemText(history.error, t)}</Typography>;
  else if (history.isPending) body = <Typography variant="body2">{t('common.loading')}</Typography>;
  else if (fills.length === 0) body = <Typography variant="body2" color="text.secondary">{t('fills.none')}</Typography>;
  else body = <FillsTable fills={fills} label={t('trades.title', { symbol })} showSymbol={false} />;
  return (
    <Panel title={t('trades.title', { symbol })}>
      {body}
      {history.hasNextPage ? (
        <Button sx={{ mt: 1 }} onClick={() => void history.fetchNextPage()} disabled={history.isFetchingNextPage}>
          {t('fills.loadMore')}
        </Button>
      ) : null}
    </Panel>
  );
}
