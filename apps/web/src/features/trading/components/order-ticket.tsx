import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import ButtonGroup from '@mui/material/ButtonGroup';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { OrderSide, OrderType, PlaceOrderResponse, SymbolInfo } from '@cryptosim/contracts';
import { ResultToast, type ToastMessage } from '@/components/result-toast';
import { orderProblemText } from '@/lib/api';
import { useFormat, useT, type Formatter, type MessageKey, type Translate } from '@/lib/i18n';
import { useFeeRates } from '../api/get-fee-rates';
import { usePlaceOrder } from '../api/place-order';
import { useOrderTicket } from '../hooks/use-order-ticket';
import { DEFAULT_FEE_RATES } from '../rules/fee-rate';
import { effectiveUnit, isStopLoss, needsPrice, needsStopPrice, needsTimeInForce, quoteAllowed, type AmountUnit } from '../rules/order-draft';
import { PERCENTAGES } from '../rules/percent-of-available';
import { ConfirmOrderDialog } from './confirm-order-dialog';
import { issueText } from './issue-text';
import { TicketPreview } from './ticket-preview';
import { DecimalField, SideSwitch, TimeInForceSelect, TypeSelect } from './ticket-fields';

export interface OrderTicketProps {
  rules: SymbolInfo;
  marketPrice: string | undefined;
  /** Free USDT and free base asset; undefined while the portfolio loads. */
  cash: string | undefined;
  coin: string | undefined;
}

// Sentences show quantities as typed (0.01 BTC); tables pad them to the step so columns line up.
function resultToast({ order, fills }: PlaceOrderResponse, rules: SymbolInfo, t: Translate, format: Formatter): Omit<ToastMessage, 'id'> {
  const asset = rules.baseAsset;
  if (order.status === 'REJECTED') return { severity: 'error', text: t('ticket.result.rejected', { reason: order.rejectReason ?? '—' }) };
  if (order.status === 'EXPIRED') return { severity: 'info', text: t('ticket.result.expired', { timeInForce: order.timeInForce ?? '—' }) };
  if (fills.length > 0 || order.status === 'FILLED') {
    const params = { quantity: format.quantity(order.filledQuantity), asset, price: format.price(order.avgFillPrice ?? '0', rules.tickSize), fee: format.preciseMoney(order.fee) };
    return { severity: 'success', text: t(order.side === 'BUY' ? 'ticket.result.bought' : 'ticket.result.sold', params) };
  }
  return { severity: 'info', text: t('ticket.result.placed', { type: t(`orderType.${order.type}`), side: t(`side.${order.side}`), quantity: format.quantity(order.quantity ?? '0'), asset }) };
}

/** The trigger field's hint: what happens at the trigger (a market or a limit order), on which side of the price. */
function stopHintKey(type: OrderType, side: OrderSide): MessageKey {
  const limit = needsPrice(type) ? 'Limit' : '';
  return `ticket.${isStopLoss(type) ? 'stopLoss' : 'takeProfit'}${limit}Hint${side}`;
}

/** Buy or sell one symbol: the exchange's rules are checked as you type, then confirmed, then sent. */
export function OrderTicket({ rules, marketPrice, cash, coin }: OrderTicketProps) {
  const t = useT();
  const format = useFormat();
  const asset = rules.baseAsset;
  // The server's configured rates; the default stands in while they load (or if they cannot be read).
  const rates = useFeeRates().data ?? DEFAULT_FEE_RATES;
  const ctx = cash !== undefined && coin !== undefined ? { rules, marketPrice, cash, coin } : null;
  const { draft, check, feeRate, change, fillPercent, visibleIssue, setSubmitted } = useOrderTicket(rules.symbol, ctx, marketPrice, rates);
  const place = usePlaceOrder();
  const [confirming, setConfirming] = useState(false);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const show = (message: Omit<ToastMessage, 'id'>) => setToast({ ...message, id: Date.now() });
  const unit = effectiveUnit(draft);
  const error = (field: 'amount' | 'price' | 'stopPrice') => {
    const issue = visibleIssue(field);
    return issue ? issueText(issue, t, format) : undefined;
  };
  const balanceIssue = visibleIssue('balance');

  const submit = () => {
    setSubmitted(true);
    if (check?.request) setConfirming(true);
  };
  const confirm = () => {
    if (!check?.request) return;
    place.mutate(
      { side: draft.side, body: check.request },
      {
        onSuccess: (result) => {
          show(resultToast(result, rules, t, format));
          change({ amount: '' });
          setSubmitted(false);
        },
        onError: (failure) => show({ severity: 'error', text: orderProblemText(failure, t) }),
        onSettled: () => setConfirming(false),
      },
    );
  };

  const available = draft.side === 'BUY' ? (cash === undefined ? '—' : format.money(cash)) : coin === undefined ? '—' : `${format.quantity(coin, rules.stepSize)} ${asset}`;
  const exactAvailable = draft.side === 'BUY' ? (cash === undefined ? undefined : `${cash} USDT`) : coin === undefined ? undefined : `${coin} ${asset}`;
  return (
    <Stack spacing={2} component="form" noValidate aria-label={t('ticket.title')} onSubmit={(event) => { event.preventDefault(); submit(); }}>
      <SideSwitch value={draft.side} onChange={(side) => change({ side })} />
      <TypeSelect value={draft.type} onChange={(type) => change({ type })} />
      {needsStopPrice(draft.type) ? (
        <DecimalField
          label={t('ticket.stopPrice')}
          value={draft.stopPrice}
          onChange={(stopPrice) => change({ stopPrice })}
          error={error('stopPrice')}
          hint={t(stopHintKey(draft.type, draft.side))}
        />
      ) : null}
      {needsPrice(draft.type) ? (
        <DecimalField label={t('ticket.limitPrice')} value={draft.price} onChange={(price) => change({ price })} error={error('price')} hint={t('ticket.tickHint', { tick: rules.tickSize })} />
      ) : null}
      {needsTimeInForce(draft.type) ? <TimeInForceSelect value={draft.timeInForce} onChange={(timeInForce) => change({ timeInForce })} /> : null}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <DecimalField
          label={t('ticket.amount', { unit: unit === 'QUOTE' ? 'USDT' : asset })}
          value={draft.amount}
          onChange={(amount) => change({ amount })}
          error={error('amount')}
          hint={unit === 'QUOTE' ? t('ticket.quoteHint') : t('ticket.stepHint', { step: rules.stepSize, minQty: rules.minQty })}
        />
        {quoteAllowed(draft) ? (
          <ToggleButtonGroup exclusive size="small" value={unit} aria-label={t('ticket.unit')} onChange={(_e, next: AmountUnit | null) => next && change({ unit: next, amount: '' })}>
            <ToggleButton value="BASE">{asset}</ToggleButton>
            <ToggleButton value="QUOTE">USDT</ToggleButton>
          </ToggleButtonGroup>
        ) : null}
      </Stack>
      <Stack spacing={0.5}>
        <Typography variant="body2" color="text.secondary" title={exactAvailable}>
          {t('ticket.available', { amount: available })}
        </Typography>
        <ButtonGroup size="small" fullWidth aria-label={t('ticket.percentGroup')} disabled={ctx === null}>
          {PERCENTAGES.map((percent) => (
            <Button key={percent} onClick={() => fillPercent(percent)} aria-label={t('ticket.percentOf', { percent })}>
              {percent}%
            </Button>
          ))}
        </ButtonGroup>
      </Stack>
      <TicketPreview preview={check?.preview ?? null} side={draft.side} type={draft.type} asset={asset} feeRate={feeRate} rules={rules} />
      {balanceIssue ? <Alert severity="warning">{issueText(balanceIssue, t, format)}</Alert> : null}
      {!marketPrice && draft.type === 'MARKET' ? <Alert severity="info">{t('ticket.noPrice')}</Alert> : null}
      <Button type="submit" variant="contained" size="large" color={draft.side === 'BUY' ? 'up' : 'down'} disabled={ctx === null || place.isPending}>
        {t(draft.side === 'BUY' ? 'ticket.submitBuy' : 'ticket.submitSell', { asset })}
      </Button>
      <ConfirmOrderDialog
        open={confirming}
        side={draft.side}
        type={draft.type}
        symbol={rules.symbol}
        asset={asset}
        feeRate={feeRate}
        rules={rules}
        preview={check?.preview ?? null}
        pending={place.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={confirm}
      />
      <ResultToast toast={toast} onClose={() => setToast(null)} closeLabel={t('common.close')} />
    </Stack>
  );
}
