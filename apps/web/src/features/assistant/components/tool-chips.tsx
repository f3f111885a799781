import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import { useT } from '@/lib/i18n';
import type { ToolChip } from '../state/chat-state';

/** The tools an answer was built from: each one's name and what it returned, in a line. */
export function ToolChips({ tools }: { tools: readonly ToolChip[] }) {
  const t = useT();
  if (tools.length === 0) return null;
  return (
    <Box component="ul" aria-label={t('assistant.tools')} sx={{ listStyle: 'none', p: 0, m: 0, mb: 1, display: 'flex', flexWrap: 'wrap', gap: 0.75 }}>
      {tools.map((tool, i) => (
        <li key={`${tool.name}-${i}`} style={{ minWidth: 0, maxWidth: '100%' }}>
          <Chip
            size="small"
            variant="outlined"
            label={
              <>
                <Box component="span" sx={{ fontFamily: 'monospace', fontWeight: 600 }}>{tool.name}</Box>
                {tool.summary ? ` · ${tool.summary}` : null}
              </>
            }
            sx={{ height: 'auto', maxWidth: '100%', '& .MuiChip-label': { whiteSpace: 'normal', overflowWrap: 'anywhere', py: 0.25 } }}
          />
        </li>
      ))}
    </Box>
  );
}
