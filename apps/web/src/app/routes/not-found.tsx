import { Link as RouterLink } from 'react-router';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useT } from '@/lib/i18n';

export default function NotFoundPage() {
  const t = useT();
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        {t('notFound.title')}
      </Typography>
      <Link component={RouterLink} to="/">
        {t('notFound.back')}
      </Link>
    </Stack>
  );
}
