/** What ws-swarm.ts reports for a measuring window ('measured' message). */
export interface SwarmMeasurement {
  histogram: { buckets: number[]; count: number; max: number };
  lost: number;
  reordered: number;
  frames: number;
  /** Clients whose socket is still open. */
  open: number;
  /** The clients' process CPU time (user + system) over the window. */
  cpuMs: number;
  memoryMiB: number;
}
