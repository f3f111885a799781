import type { MessageKey } from '@/lib/i18n';

export interface NavItem {
  to: string;
  label: MessageKey;
  /** Paths under this prefix mark the item as current. */
  match: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'nav.dashboard', match: '/' },
  { to: '/trade', label: 'nav.trade', match: '/trade' },
  { to: '/portfolio', label: 'nav.portfolio', match: '/portfolio' },
  { to: '/orders', label: 'nav.orders', match: '/orders' },
  { to: '/ai', label: 'nav.ai', match: '/ai' },
  { to: '/settings', label: 'nav.settings', match: '/settings' },
];

export function isCurrent(item: NavItem, pathname: string): boolean {
  return item.match === '/' ? pathname === '/' : pathname === item.match || pathname.startsWith(`${item.match}/`);
}
