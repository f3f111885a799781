/** What /readyz reports for one port. */
export interface PortHealth {
  impl: string;
  ok: boolean;
  /** Short, operator-facing reason when not ok (never a stack trace). */
  error?: string;
}

/** Every port can say whether it is usable right now and can be closed. */
export interface ManagedPort {
  readonly impl: string;
  health(): Promise<PortHealth>;
  close(): Promise<void>;
}
