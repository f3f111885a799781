import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ModelStatus } from '@cryptosim/contracts';
import { Panel } from '@/components/panel';
import { ScrollTable } from './scroll-table';
import { useFormat, useT } from '@/lib/i18n';
import { useModels } from '../api/get-models';

const STATUS_COLOUR: Record<ModelStatus, 'success' | 'default' | 'info'> = { active: 'success', candidate: 'info', retired: 'default' };

/** The registry: every model version with its status, newest first. */
export function ModelList() {
  const t = useT();
  const format = useFormat();
  const { data, error } = useModels();
  return (
    <Panel title={t('ai.models.title')}>
      {error ? (
        <Alert severity="warning">{t('ai.models.error')}</Alert>
      ) : !data ? (
        <Skeleton variant="rectangular" height={96} role="status" aria-label={t('common.loading')} />
      ) : data.models.length === 0 ? (
        <Typography variant="body2">{t('ai.models.empty')}</Typography>
      ) : (
        <ScrollTable label={t('ai.models.scroll')}>
          <Table size="small" aria-label={t('ai.models.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('ai.models.version')}</TableCell>
                <TableCell>{t('ai.models.status')}</TableCell>
                <TableCell>{t('ai.models.created')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.models.map((m) => (
                <TableRow key={m.version}>
                  <TableCell component="th" scope="row" sx={{ overflowWrap: 'anywhere' }}>{m.version}</TableCell>
                  <TableCell><Chip size="small" variant="outlined" color={STATUS_COLOUR[m.status]} label={t(`ai.models.status.${m.status}`)} /></TableCell>
                  <TableCell>{format.dateTime(Date.parse(m.createdAt))}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollTable>
      )}
    </Panel>
  );
}
