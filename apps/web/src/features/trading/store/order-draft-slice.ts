import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import { EMPTY_DRAFT, type OrderDraft } from '../rules/order-draft';

/** Order drafts per symbol: switching pages or symbols keeps what was typed (client state). */
export interface OrderDraftsState {
  bySymbol: Record<string, OrderDraft>;
  /**
   * Counts requests to bring the ticket forward (a guide or a draft filled it). On a phone the
   * ticket lives in a bottom sheet, and a new count opens it.
   */
  ticketRequests: number;
}

const initialState: OrderDraftsState = { bySymbol: {}, ticketRequests: 0 };

const slice = createSlice({
  name: 'orderDrafts',
  initialState,
  reducers: {
    draftChanged(state, action: PayloadAction<{ symbol: string; patch: Partial<OrderDraft> }>) {
      const { symbol, patch } = action.payload;
      state.bySymbol[symbol] = { ...(state.bySymbol[symbol] ?? EMPTY_DRAFT), ...patch };
    },
    ticketRequested(state) {
      state.ticketRequests = (state.ticketRequests ?? 0) + 1;
    },
  },
});

export const { draftChanged, ticketRequested } = slice.actions;
export const orderDraftsReducer = slice.reducer;

export const selectDraft = (state: { orderDrafts: OrderDraftsState }, symbol: string): OrderDraft =>
  state.orderDrafts.bySymbol[symbol] ?? EMPTY_DRAFT;

export const selectTicketRequests = (state: { orderDrafts: OrderDraftsState }): number => state.orderDrafts.ticketRequests ?? 0;
