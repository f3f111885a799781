import { useId, type ReactNode } from 'react';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

/** A titled page section: a landmark named by its heading, with room for controls beside it. */
export function Panel({ title, actions, children, focusId }: { title: string; actions?: ReactNode; children: ReactNode; focusId?: string }) {
  const id = useId();
  return (
    // With a focusId the panel is a skip link's target: focusable by script, not in the Tab order.
    <Card variant="outlined" component="section" aria-labelledby={id} id={focusId} tabIndex={focusId ? -1 : undefined} sx={{ minWidth: 0 }}>
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 1.5 }}>
          <Typography id={id} variant="h6" component="h2" sx={{ flexGrow: 1 }}>
            {title}
          </Typography>
          {actions}
        </Stack>
        {children}
      </CardContent>
    </Card>
  );
}
