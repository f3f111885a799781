import type { AlertCondition, AlertNotification } from '@cryptosim/contracts';
import { ApiError } from '@/lib/api';
import type { Formatter, MessageKey, Translate } from '@/lib/i18n';

interface Described {
  symbol: string;
  condition: AlertCondition;
  price: string | null;
  percent: string | null;
  windowMinutes: number | null;
}

/** "BTCUSDT above 64,000.00" / "ETHUSDT moves 2% in 15 min". */
export function conditionText(alert: Described, t: Translate, format: Formatter): string {
  if (alert.condition === 'PERCENT_MOVE') return t('alerts.describe.move', { symbol: alert.symbol, percent: alert.percent ?? '', minutes: alert.windowMinutes ?? 0 });
  const key: MessageKey = alert.condition === 'PRICE_ABOVE' ? 'alerts.describe.above' : 'alerts.describe.below';
  return t(key, { symbol: alert.symbol, price: format.price(alert.price ?? '0') });
}

/** The toast / browser notification text of a fired alert. */
export function firedText(n: AlertNotification, t: Translate, format: Formatter): string {
  return t('alerts.fired', { condition: conditionText(n, t, format), price: format.price(n.triggeredPrice) });
}

const BY_CODE: Record<string, MessageKey> = {
  ALERT_LIMIT_REACHED: 'alerts.error.ALERT_LIMIT_REACHED',
  ALERT_CONDITION_MET: 'alerts.error.ALERT_CONDITION_MET',
  VALIDATION_FAILED: 'alerts.error.VALIDATION_FAILED',
  UNKNOWN_SYMBOL: 'alerts.error.UNKNOWN_SYMBOL',
  NOT_FOUND: 'alerts.error.NOT_FOUND',
};

export function alertProblemText(error: unknown, t: Translate): string {
  const code = error instanceof ApiError ? error.code : 'UNKNOWN';
  const key = BY_CODE[code];
  return key ? t(key) : t('error.generic', { code });
}
