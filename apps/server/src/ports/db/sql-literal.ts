/**
 * SQL literals for statements built as text (a batch's write runs to hundreds of values, and
 * building those through drizzle's sql templates and inlining cost more than planning the
 * orders). Quoting is drizzle's own inlining rule: strings in single quotes with quotes
 * doubled, which is exact under standard_conforming_strings (on in PostgreSQL and PGlite),
 * where a backslash is a plain character.
 */
export type Literal = string | number | null;

export function sqlLiteral(value: Literal): string {
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`sqlLiteral: ${value} is not a safe integer`);
    return String(value);
  }
  if (value.includes('\0')) throw new Error('sqlLiteral: a string with a NUL character cannot be a PostgreSQL literal');
  return `'${value.replaceAll("'", "''")}'`;
}

/** `(a, b, c)` of literals, each followed by its cast when one is given (`::numeric`). */
export function sqlRow(values: readonly Literal[], casts?: readonly string[]): string {
  return `(${values.map((v, i) => (casts?.[i] ? `${sqlLiteral(v)}::${casts[i]}` : sqlLiteral(v))).join(', ')})`;
}
