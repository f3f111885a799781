import type { ReactNode } from 'react';
import TableContainer from '@mui/material/TableContainer';

/** A table that may scroll sideways on a phone: a named, focusable region so keyboards can scroll it too. */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <TableContainer role="region" aria-label={label} tabIndex={0}>
      {children}
    </TableContainer>
  );
}
