import { useCallback } from 'react';
import { useDispatch } from 'react-redux';
import { useNavigate } from 'react-router';
import type { ChatOrderDraft } from '@cryptosim/contracts';
import { draftChanged, type OrderDraft } from '@/features/trading';

/** The assistant's draft as the order ticket's typed inputs: a quoteAmount (MARKET buys) fills the amount in USDT. */
export function ticketDraftOf(draft: ChatOrderDraft): OrderDraft {
  const { request } = draft;
  const quote = request.quoteAmount !== undefined && request.quantity === undefined;
  return {
    side: draft.side,
    type: request.type,
    unit: quote ? 'QUOTE' : 'BASE',
    amount: (quote ? request.quoteAmount : request.quantity) ?? '',
    price: request.price ?? '',
    stopPrice: request.stopPrice ?? '',
    timeInForce: 'GTC',
  };
}

/**
 * Confirm on an assistant's draft card (the app wires the assistant to the trading feature): the Trade page's ticket for that symbol is filled with the draft
 * (the ticket keeps its drafts per symbol in the store) and the page opens. Nothing is sent:
 * the user reviews the ticket and places the order there, through its own confirmation.
 */
export function useOpenOrderDraft() {
  const dispatch = useDispatch();
  const navigate = useNavigate();
  return useCallback(
    (draft: ChatOrderDraft) => {
      const symbol = draft.request.symbol;
      dispatch(draftChanged({ symbol, patch: ticketDraftOf(draft) }));
      void navigate(`/trade/${symbol}`, { state: { from: 'assistant' } });
    },
    [dispatch, navigate],
  );
}
