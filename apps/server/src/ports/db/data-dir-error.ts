/**
 * A DATA_DIR that cryptosim must not touch: foreign, damaged, newer or in use.
 * Operational, not temporary: the process stops with this message instead of retrying.
 */
export type DataDirProblem = 'NOT_A_DIRECTORY' | 'FOREIGN' | 'BAD_MARKER' | 'NEWER_FORMAT' | 'IN_USE' | 'UNOPENABLE';

export class DataDirError extends Error {
  override readonly name = 'DataDirError';

  constructor(
    readonly problem: DataDirProblem,
    readonly dataDir: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
