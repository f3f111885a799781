/** `--name value` / `--flag` parsing for the ai CLI; unknown options are refused by name. */
export interface ParsedArgs {
  command: string | undefined;
  positional: string[];
  options: Map<string, string>;
}

export function parseArgs(argv: readonly string[], allowed: Record<string, readonly string[]>): ParsedArgs {
  const [command, ...rest] = argv;
  const positional: string[] = [];
  const options = new Map<string, string>();
  const known = command ? allowed[command] : undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (known && !known.includes(name)) throw new UsageError(`unknown option --${name} for "${command}" (options: ${known.map((k) => `--${k}`).join(' ')})`);
    const value = eq >= 0 ? a.slice(eq + 1) : rest[i + 1];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    if (eq < 0) i++;
    options.set(name, value);
  }
  return { command, positional, options };
}

export class UsageError extends Error {}

/** "2025-12-31" → the last millisecond of that UTC day; a full ISO time as is. */
export function parseTime(value: string, endOfDay: boolean): number {
  const dateOnly = /^\d{4}-\d{2}(-\d{2})?$/.test(value);
  const ms = Date.parse(dateOnly && value.length === 7 ? `${value}-01T00:00:00Z` : dateOnly ? `${value}T00:00:00Z` : value);
  if (!Number.isFinite(ms)) throw new UsageError(`not a date: "${value}" (use YYYY-MM-DD or an ISO time)`);
  if (!dateOnly || !endOfDay) return ms;
  if (value.length === 7) {
    const d = new Date(ms);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - 1;
  }
  return ms + 86_400_000 - 1;
}
