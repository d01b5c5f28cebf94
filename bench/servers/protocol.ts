/** Messages between the bench and its server processes (Node IPC). */

export type ToServer =
  | { type: 'memory' }
  | { type: 'stop' }
  /** Starts the V8 CPU profiler (for the measured run of one endpoint). */
  | { type: 'profile-start' }
  /** Stops it and writes the .cpuprofile to `file`. */
  | { type: 'profile-stop'; file: string };

export interface MemoryReport {
  /** Resident set size now, in bytes. */
  rss: number;
  /** The highest RSS seen since start (sampled every 250 ms), in bytes. */
  peakRss: number;
  heapUsed: number;
}

export type FromServer =
  | { type: 'ready'; port: number }
  | ({ type: 'memory' } & MemoryReport)
  | { type: 'profile-started' }
  | { type: 'profile-saved'; file: string }
  | { type: 'error'; message: string };
