import type { ReactNode } from 'react';
import Box from '@mui/material/Box';

/**
 * Lets a wide table scroll sideways on a phone. The scrolling box is focusable and named, so a
 * keyboard user can scroll it with the arrow keys (axe: scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} sx={{ overflowX: 'auto', '&:focus-visible': { outline: 2, outlineColor: 'primary.main' } }}>
      {children}
    </Box>
  );
}
