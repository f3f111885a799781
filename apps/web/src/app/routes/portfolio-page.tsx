import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { SourceBadge } from '@/features/market';
import { PortfolioView } from '@/features/portfolio';
import { useT } from '@/lib/i18n';

export default function PortfolioPage() {
  const t = useT();
  return (
    <Stack spacing={2}>
      <div>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="h4" component="h1">{t('portfolioPage.title')}</Typography>
          {/* Positions are valued at this market's prices. */}
          <SourceBadge />
        </Stack>
        <Typography variant="body2" color="text.secondary">{t('portfolioPage.subtitle')}</Typography>
      </div>
      <PortfolioView />
    </Stack>
  );
}
