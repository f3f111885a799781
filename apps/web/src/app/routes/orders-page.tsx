import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { OrdersView } from '@/features/orders';
import { useOrderEvents } from '@/features/trading';
import { useT } from '@/lib/i18n';

/** /orders: open orders across symbols and the whole order history; /ws/orders keeps the open list live. */
export default function OrdersPage() {
  const t = useT();
  useOrderEvents();
  return (
    <Stack spacing={2}>
      <div>
        <Typography variant="h4" component="h1">{t('ordersPage.title')}</Typography>
        <Typography variant="body2" color="text.secondary">{t('ordersPage.subtitle')}</Typography>
      </div>
      <OrdersView />
    </Stack>
  );
}
