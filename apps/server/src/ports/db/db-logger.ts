import type { Logger } from 'pino';

/** The part of the app's pino logger the database ports use. */
export type DbLogger = Pick<Logger, 'info' | 'warn' | 'error'>;
