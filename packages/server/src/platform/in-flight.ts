/**
 * Computations in progress, by key, so that concurrent askers of one key wait for the first
 * one's result instead of each computing it: after every write all kept answers are stale at
 * once, and every reader of a popular page would otherwise compute it in the same moment (a
 * thundering herd; nginx's `proxy_cache_lock` does the same for a proxy cache).
 */
export class InFlight<T> {
  private readonly running = new Map<string, Promise<T | null>>();

  /** What the computation running under `key` gives (null: nothing to share), if one is. */
  join(key: string): Promise<T | null> | undefined {
    return this.running.get(key);
  }

  /**
   * Marks a computation under `key` as running. Call the returned function once it ends, with its
   * result, or with null when it has nothing to share (a failure): those waiting then compute
   * for themselves. Calls after the first are ignored.
   */
  lead(key: string): (result: T | null) => void {
    let resolve: (result: T | null) => void = () => {};
    const promise = new Promise<T | null>((r) => {
      resolve = r;
    });
    this.running.set(key, promise);
    let ended = false;
    return (result) => {
      if (ended) {
        return;
      }
      ended = true;
      if (this.running.get(key) === promise) {
        this.running.delete(key);
      }
      resolve(result);
    };
  }

  /** Computations running now (for tests and metrics). */
  get size(): number {
    return this.running.size;
  }
}
