import type { Formatter, Translate } from '@/lib/i18n';
import type { IssueValue, OrderIssue } from '../rules/order-issue';

function show(value: IssueValue, format: Formatter): string {
  if ('price' in value) return format.price(value.price);
  if ('quantity' in value) return format.quantity(value.quantity);
  if ('money' in value) return format.preciseMoney(value.money);
  return value.text;
}

/** A broken rule as a sentence in the reader's language, its numbers in their locale. */
export function issueText(issue: OrderIssue, t: Translate, format: Formatter): string {
  const params = Object.fromEntries(Object.entries(issue.params ?? {}).map(([name, value]) => [name, show(value, format)]));
  return t(issue.key, params);
}
