import { useId, useState } from 'react';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { PanelBoundary } from '@/components/panel-boundary';
import { useT } from '@/lib/i18n';
import { OpenOrdersTab } from './open-orders-tab';
import { OrderHistoryTab } from './order-history-tab';

type TabName = 'open' | 'history';

/** The Orders page's content: open orders and the order history, as two tabs. */
export function OrdersView() {
  const t = useT();
  const id = useId();
  const [tab, setTab] = useState<TabName>('open');
  const tabId = (name: TabName) => `${id}-tab-${name}`;
  const panelId = (name: TabName) => `${id}-panel-${name}`;
  return (
    <Card variant="outlined" sx={{ minWidth: 0 }}>
      <Box sx={{ borderBottom: 1, borderColor: 'divider' }}>
        <Tabs value={tab} onChange={(_, next: TabName) => setTab(next)} aria-label={t('ordersPage.tabs')} variant="fullWidth">
          {(['open', 'history'] as const).map((name) => (
            <Tab key={name} value={name} label={t(`ordersPage.tab.${name}`)} id={tabId(name)} aria-controls={panelId(name)} />
          ))}
        </Tabs>
      </Box>
      <CardContent role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)}>
        <PanelBoundary>{tab === 'open' ? <OpenOrdersTab /> : <OrderHistoryTab />}</PanelBoundary>
      </CardContent>
    </Card>
  );
}
