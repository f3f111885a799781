import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import { EMPTY_DRAFT, type OrderDraft } from '../rules/order-draft';

/** Order drafts per symbol: switching pages or symbols keeps what was typed (client state). */
export interface OrderDraftsState {
  bySymbol: Record<string, OrderDraft>;
}

const initialState: OrderDraftsState = { bySymbol: {} };

const slice = createSlice({
  name: 'orderDrafts',
  initialState,
  reducers: {
    draftChanged(state, action: PayloadAction<{ symbol: string; patch: Partial<OrderDraft> }>) {
      const { symbol, patch } = action.payload;
      state.bySymbol[symbol] = { ...(state.bySymbol[symbol] ?? EMPTY_DRAFT), ...patch };
    },
  },
});

export const { draftChanged } = slice.actions;
export const orderDraftsReducer = slice.reducer;

export const selectDraft = (state: { orderDrafts: OrderDraftsState }, symbol: string): OrderDraft =>
  state.orderDrafts.bySymbol[symbol] ?? EMPTY_DRAFT;
