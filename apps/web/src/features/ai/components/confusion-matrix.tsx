import { useId } from 'react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { PredictionLabels, type ConfusionMatrix as Matrix } from '@cryptosim/contracts';
import { useFormat, useT } from '@/lib/i18n';
import { ScrollTable } from './scroll-table';

/** confusion[outcome][predicted]: the diagonal is what the model got right. */
export function ConfusionMatrix({ confusion }: { confusion: Matrix }) {
  const t = useT();
  const format = useFormat();
  const captionId = useId();
  return (
    <>
      <Typography id={captionId} component="p" variant="caption" color="text.secondary">{t('ai.confusion.caption')}</Typography>
      <ScrollTable label={t('ai.confusion.scroll')}>
        <Table size="small" aria-label={t('ai.confusion.title')} aria-describedby={captionId}>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">{t('ai.confusion.outcome')}</TableCell>
              {PredictionLabels.map((label) => (
                <TableCell key={label} component="th" scope="col" align="right">{t(`ai.label.${label}`)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {PredictionLabels.map((outcome) => (
              <TableRow key={outcome}>
                <TableCell component="th" scope="row">{t(`ai.label.${outcome}`)}</TableCell>
                {PredictionLabels.map((predicted) => (
                  <TableCell key={predicted} align="right" sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: outcome === predicted ? 700 : 400 }}>
                    {format.quantity(String(confusion[outcome][predicted]))}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollTable>
    </>
  );
}
