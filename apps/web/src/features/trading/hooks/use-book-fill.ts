import { useCallback } from 'react';
import { useDispatch, useStore } from 'react-redux';
import { needsPrice } from '../rules/order-draft';
import { draftChanged, selectDraft, ticketRequested, type OrderDraftsState } from '../store/order-draft-slice';

/**
 * What a click in the order book does to the symbol's ticket draft: a price becomes the limit
 * price (a ticket without one — market or a plain stop — turns into a limit, as on Binance),
 * a size becomes the amount in the base asset. Either brings the ticket forward (on a phone its
 * bottom sheet opens), so the filled value is seen.
 */
export function useBookFill(symbol: string) {
  const dispatch = useDispatch();
  // Read at click time, not subscribed: the book re-renders with every tick, not with every keystroke.
  const store = useStore<{ orderDrafts: OrderDraftsState }>();
  const fillPrice = useCallback(
    (price: string) => {
      const { type } = selectDraft(store.getState(), symbol);
      dispatch(draftChanged({ symbol, patch: needsPrice(type) ? { price } : { price, type: 'LIMIT' } }));
      dispatch(ticketRequested());
    },
    [dispatch, store, symbol],
  );
  const fillAmount = useCallback(
    (quantity: string) => {
      dispatch(draftChanged({ symbol, patch: { amount: quantity, unit: 'BASE' } }));
      dispatch(ticketRequested());
    },
    [dispatch, symbol],
  );
  return { fillPrice, fillAmount };
}
