/**
 * A copy of `bytes` in memory of its own. A kept answer must hold only its bytes: a small Buffer
 * is a slice of a shared 8 KB pool, and zlib's output a slice of its 16 KB chunk, and a slice
 * keeps the whole alive (the ten-minute soak: 25 MB of buffers held for 12 MB of answers).
 */
export function ownBytes(bytes: Buffer): Buffer {
  const own = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(own);
  return own;
}

/** The UTF-8 bytes of `text` in memory of their own (see ownBytes). */
export function ownUtf8(text: string): Buffer {
  const own = Buffer.allocUnsafeSlow(Buffer.byteLength(text, 'utf8'));
  own.write(text, 'utf8');
  return own;
}

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
