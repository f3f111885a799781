import { useState } from 'react';
import { useDispatch, useSelector } from 'react-redux';
import type { FeeRatesResponse } from '@cryptosim/contracts';
import { checkOrder, type OrderContext } from '../rules/check-order';
import { feeRateFor } from '../rules/fee-rate';
import type { OrderDraft } from '../rules/order-draft';
import type { IssueField, OrderIssue } from '../rules/order-issue';
import { percentOfAvailable } from '../rules/percent-of-available';
import { stopSideIssue } from './stop-side-issue';
import { draftChanged, selectDraft, type OrderDraftsState } from '../store/order-draft-slice';

const TEXT_OF: Record<Exclude<IssueField, 'balance'>, keyof OrderDraft> = { amount: 'amount', price: 'price', stopPrice: 'stopPrice' };

/**
 * The ticket's state: the draft (kept per symbol in the store), the rule check of it, and
 * when to show a broken rule. A rule shows as soon as its field holds text; "required"
 * waits for the first submit, so an untouched form is not a wall of red. The fee rate shown
 * follows the draft: maker for a limit that rests, taker for everything that fills at once;
 * the balance check and the percentage buttons use what the server reserves (buy-reservation.ts).
 */
export function useOrderTicket(symbol: string, base: Omit<OrderContext, 'rates'> | null, marketPrice: string | undefined, rates: FeeRatesResponse) {
  const dispatch = useDispatch();
  const draft = useSelector((state: { orderDrafts: OrderDraftsState }) => selectDraft(state, symbol));
  const [submitted, setSubmitted] = useState(false);
  const feeRate = feeRateFor(draft, marketPrice, rates);
  const ctx: OrderContext | null = base ? { ...base, rates } : null;
  const checked = ctx ? checkOrder(draft, ctx) : null;
  const wrongSide = stopSideIssue(draft, marketPrice);
  const check = checked && wrongSide && !checked.issues.stopPrice ? { ...checked, issues: { ...checked.issues, stopPrice: wrongSide }, request: null } : checked;

  const change = (patch: Partial<OrderDraft>) => dispatch(draftChanged({ symbol, patch }));
  const fillPercent = (percent: number) => {
    const amount = ctx ? percentOfAvailable(draft, ctx, percent) : null;
    if (amount !== null) change({ amount });
  };
  const visibleIssue = (field: IssueField): OrderIssue | undefined => {
    const issue = check?.issues[field];
    if (!issue) return undefined;
    if (field === 'balance' || submitted) return issue;
    return draft[TEXT_OF[field]].trim() !== '' && issue.key !== 'ticket.error.required' ? issue : undefined;
  };
  return { draft, check, feeRate, change, fillPercent, visibleIssue, submitted, setSubmitted };
}
