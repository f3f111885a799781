import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { PortfolioView } from '../../features/portfolio';
import { useT } from '../../lib/i18n';

export default function PortfolioPage() {
  const t = useT();
  return (
    <Stack spacing={2}>
      <div>
        <Typography variant="h4" component="h1">{t('portfolioPage.title')}</Typography>
        <Typography variant="body2" color="text.secondary">{t('portfolioPage.subtitle')}</Typography>
      </div>
      <PortfolioView />
    </Stack>
  );
}
