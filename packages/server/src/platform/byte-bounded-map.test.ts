import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ownBytes, ownUtf8 } from './byte-bounded-map.ts';

describe('kept bytes', () => {
  it('hold memory of their own, not the pool or zlib chunk they were sliced from', () => {
    const pooled = Buffer.from('a small answer', 'utf8');
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.length);
    const own = ownBytes(pooled);
    expect(own.equals(pooled)).toBe(true);
    expect(own.buffer.byteLength).toBe(own.length);
    const zipped = gzipSync(Buffer.from('{"items":[]}'.repeat(200)));
    expect(ownBytes(zipped).buffer.byteLength).toBe(zipped.length);
    const text = 'Решение 21/3 — {"a":1}';
    const utf8 = ownUtf8(text);
    expect(utf8.toString('utf8')).toBe(text);
    expect(utf8.buffer.byteLength).toBe(Buffer.byteLength(text));
  });
});
