import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ModelList, RecentPredictions, TrackRecordPanel } from '@/features/ai';
import { AssistantWorkspace } from '@/features/assistant';
import { ErrorBoundary } from '@/components/error-boundary';
import { SectionError } from '@/components/section-error';
import { useT } from '@/lib/i18n';
import { useOpenOrderDraft } from './use-open-order-draft';

/**
 * The seed's AIAssistant page: the assistant chat first, then the models' measured track
 * record and registry, which the assistant's predictions come from.
 */
export default function AIAssistantPage() {
  const t = useT();
  const openDraft = useOpenOrderDraft();
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">{t('ai.title')}</Typography>
      <Typography color="text.secondary">{t('ai.subtitle')}</Typography>
      <ErrorBoundary fallback={({ reset }) => <SectionError reset={reset} />}>
        <AssistantWorkspace onOpenDraft={openDraft} />
      </ErrorBoundary>
      <ErrorBoundary fallback={({ reset }) => <SectionError reset={reset} />}>
        <TrackRecordPanel />
      </ErrorBoundary>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) minmax(0, 1fr)' }, alignItems: 'start' }}>
        <ErrorBoundary fallback={({ reset }) => <SectionError reset={reset} />}>
          <ModelList />
        </ErrorBoundary>
        <ErrorBoundary fallback={({ reset }) => <SectionError reset={reset} />}>
          <RecentPredictions />
        </ErrorBoundary>
      </Box>
    </Stack>
  );
}
