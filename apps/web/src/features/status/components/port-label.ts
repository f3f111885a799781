import type { MessageKey, Translate } from '@/lib/i18n';

const KNOWN_PORTS = {
  db: 'status.port.db',
  cache: 'status.port.cache',
  bus: 'status.port.bus',
  jobs: 'status.port.jobs',
  market: 'status.port.market',
} as const satisfies Record<string, MessageKey>;

/** A port the server adds later still shows, under its raw name, until it gets a label. */
export function portLabel(t: Translate, name: string): string {
  return Object.hasOwn(KNOWN_PORTS, name) ? t(KNOWN_PORTS[name as keyof typeof KNOWN_PORTS]) : name;
}
