import type { ReactNode } from 'react';
import Box from '@mui/material/Box';

/**
 * Lets a wide table scroll sideways on a phone. The scrolling box is focusable and named, so a
 * keyboard user can scroll it with the arrow keys (axe: scrollable-region-focusable). It is the
 * containing block of anything absolutely positioned inside (a visually hidden header), which
 * would otherwise widen the page itself.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} sx={{ overflowX: 'auto', position: 'relative', maxWidth: '100%', '&:focus-visible': { outline: 2, outlineColor: 'primary.main' } }}>
      {children}
    </Box>
  );
}
