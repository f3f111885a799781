import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

const num = { fontVariantNumeric: 'tabular-nums', m: 0, overflowWrap: 'anywhere' } as const;

/** One labelled figure of a card: what a table column's header and cell say, stacked. */
export function CardFigure({ label, colour, note, children }: { label: string; colour?: string; note?: string; children: ReactNode }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography component="dt" variant="caption" color="text.secondary">{label}</Typography>
      <Typography component="dd" variant="body2" sx={{ ...num, color: colour }}>
        {children}
        {note ? <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>{note}</Typography> : null}
      </Typography>
    </Box>
  );
}

/**
 * A card's figures as a description list that wraps into as many columns as fit (`minColumn`
 * wide at least), so a phone never scrolls sideways.
 */
export function CardFigures({ minColumn = 120, children }: { minColumn?: number; children: ReactNode }) {
  return <Box component="dl" sx={{ m: 0, display: 'grid', gap: 1, gridTemplateColumns: `repeat(auto-fill, minmax(${minColumn}px, 1fr))` }}>{children}</Box>;
}

/** A list of cards (each a `li`), named for screen readers as the table it replaces was. */
export function CardList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box component="ul" aria-label={label} sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 1, minWidth: 0 }}>
      {children}
    </Box>
  );
}

/** One card of a CardList. */
export function CardItem({ children }: { children: ReactNode }) {
  return <Box component="li" sx={{ listStyle: 'none', border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5, minWidth: 0 }}>{children}</Box>;
}
