/** A kept answer's bytes: its payload and, when it has one, its compressed form. */
const sizeOf = (v: { payload: Buffer; gzipped: Buffer | null }) =>
  v.payload.length + (v.gzipped?.length ?? 0);

/**
 * Kept answers bounded by the bytes of their payloads, oldest kept first out (the API answer
 * cache and the portal's rendered pages). An answer larger than a tenth of the bound is not kept:
 * it would evict many others for one answer.
 */
export class ByteBoundedMap<V extends { payload: Buffer; gzipped: Buffer | null }> {
  private readonly entries = new Map<string, V>();
  private total = 0;

  constructor(private readonly maxBytes: number) {}

  /** Bytes of the payloads kept. */
  get bytes(): number {
    return this.total;
  }

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  /** Keeps `value` under `key` as the newest entry, replacing what was there. */
  set(key: string, value: V): void {
    const old = this.entries.get(key);
    if (old) {
      this.total -= sizeOf(old);
      this.entries.delete(key);
    }
    const size = sizeOf(value);
    if (size > this.maxBytes / 10) {
      return;
    }
    this.entries.set(key, value);
    this.total += size;
    for (const [oldest, e] of this.entries) {
      if (this.total <= this.maxBytes) {
        break;
      }
      this.entries.delete(oldest);
      this.total -= sizeOf(e);
    }
  }
}
