import Alert from '@mui/material/Alert';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Panel } from '@/components/panel';
import { ScrollTable } from './scroll-table';
import { useFormat, useT } from '@/lib/i18n';
import { usePredictions } from '../api/get-predictions';
import { useLabelColours } from './ai-format';

/** The latest stored predictions: what was said, and what happened once the hour passed. */
export function RecentPredictions() {
  const t = useT();
  const format = useFormat();
  const colours = useLabelColours();
  const { data, error } = usePredictions();
  return (
    <Panel title={t('ai.recent.title')}>
      {error ? (
        <Alert severity="warning">{t('ai.recent.error')}</Alert>
      ) : !data ? (
        <Skeleton variant="rectangular" height={96} role="status" aria-label={t('common.loading')} />
      ) : data.predictions.length === 0 ? (
        <Typography variant="body2">{t('ai.recent.empty')}</Typography>
      ) : (
        <ScrollTable label={t('ai.recent.scroll')}>
          <Table size="small" aria-label={t('ai.recent.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('ai.recent.symbol')}</TableCell>
                <TableCell>{t('ai.recent.made')}</TableCell>
                <TableCell>{t('ai.recent.predicted')}</TableCell>
                <TableCell>{t('ai.recent.outcome')}</TableCell>
                <TableCell>{t('ai.recent.status')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.predictions.map((p) => (
                <TableRow key={p.id}>
                  <TableCell component="th" scope="row">{p.symbol}</TableCell>
                  <TableCell>{format.dateTime(Date.parse(p.generatedAt))}</TableCell>
                  <TableCell sx={{ color: colours[p.label] }}>{t(`ai.label.${p.label}`)}</TableCell>
                  <TableCell sx={{ color: p.outcome ? colours[p.outcome] : undefined }}>{p.outcome ? t(`ai.label.${p.outcome}`) : '—'}</TableCell>
                  <TableCell>{t(`ai.recent.status.${p.status}`)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollTable>
      )}
    </Panel>
  );
}
