import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { Readiness } from '@cryptosim/contracts';
import { useT } from '@/lib/i18n';
import { portLabel } from './port-label';
import { PortStateChip } from './port-state-chip';

export function ReadinessTable({ ports }: { ports: Readiness['ports'] }) {
  const t = useT();
  const entries = Object.entries(ports);
  if (entries.length === 0) return <Typography color="text.secondary">{t('status.noPorts')}</Typography>;

  return (
    // Focusable and named: on a phone the table scrolls sideways, and a keyboard must reach it.
    <TableContainer component={Paper} variant="outlined" role="region" aria-label={t('status.title')} tabIndex={0}>
      <Table size="small" aria-label={t('status.title')}>
        <TableHead>
          <TableRow>
            <TableCell scope="col">{t('status.column.component')}</TableCell>
            <TableCell scope="col">{t('status.column.implementation')}</TableCell>
            <TableCell scope="col">{t('status.column.state')}</TableCell>
            <TableCell scope="col">{t('status.column.detail')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map(([name, port]) => (
            <TableRow key={name} data-port={name}>
              <TableCell component="th" scope="row">
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {portLabel(t, name)}
                </Typography>
                <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
                  {name}
                </Typography>
              </TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>{port.impl}</TableCell>
              <TableCell>
                <PortStateChip ok={port.ok} />
              </TableCell>
              <TableCell sx={{ color: 'text.secondary', wordBreak: 'break-word' }}>{port.error ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
