import type { MessageKey } from '@/lib/i18n';

/** A number in a message, tagged with how to show it in the reader's locale. */
export type IssueValue = { price: string } | { quantity: string } | { money: string } | { text: string };

/** One broken rule, as a message key and its values; the component localizes it. */
export interface OrderIssue {
  key: MessageKey;
  params?: Record<string, IssueValue>;
}

export type IssueField = 'amount' | 'price' | 'stopPrice' | 'balance';
export type OrderIssues = Partial<Record<IssueField, OrderIssue>>;
