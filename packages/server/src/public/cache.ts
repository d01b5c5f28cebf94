import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ByteBoundedMap, ownUtf8 } from '../platform/byte-bounded-map.ts';
import { bodyFor, gzipped } from '../platform/compression.ts';
import type { ContentVersion } from '../platform/content-version.ts';
import { InFlight } from '../platform/in-flight.ts';

/** Renders a page afresh (public/routes.ts). */
type Render = () => Promise<{
  status: number;
  contentType: string;
  body: string;
  lastModified?: string;
}>;

/** A rendered answer, ready to send again. */
export interface Rendered {
  status: number;
  contentType: string;
  /** The body encoded once, so a cached answer costs no encoding (and no second copy as text). */
  payload: Buffer;
  /** The payload compressed (platform/compression.ts), when worth it. */
  gzipped: Buffer | null;
  etag: string;
  /** HTTP date */
  lastModified: string;
  lastModifiedMs: number;
}

interface Entry extends Rendered {
  version: string;
}

const httpDate = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toUTCString();

/**
 * Rendered portal answers kept in memory, keyed by path and language, valid for one content
 * version (platform/content-version.ts: the newest write, the date, the next scheduled item).
 * Bounded in bytes (PLENUM_PAGE_CACHE_MB), oldest first out: a crawler walking every page of
 * the archive fills it to the bound and no further. Requests for a page being rendered wait for
 * that render (platform/in-flight.ts).
 */
export class PageCache {
  private readonly entries: ByteBoundedMap<Entry>;
  private readonly rendering = new InFlight<Entry>();

  constructor(
    private readonly version: ContentVersion,
    maxBytes: number,
    /** Told how each lookup ended, for the metrics. */
    private readonly counted: (outcome: 'hit' | 'shared' | 'rendered') => void = () => {},
  ) {
    this.entries = new ByteBoundedMap(maxBytes);
  }

  /** Bytes of the answers kept (for the metrics). */
  get size(): number {
    return this.entries.bytes;
  }

  /** The cached answer for `key` when it is known to be current, without waiting for anything. */
  peek(key: string): Rendered | undefined {
    const current = this.version.peek();
    if (current === null) {
      return undefined;
    }
    const cached = this.entries.get(key);
    if (cached && cached.version === current) {
      this.counted('hit');
      return cached;
    }
    return undefined;
  }

  /**
   * The answer for `key`: the cached one while the content version holds, else a fresh render.
   * An unchanged re-render keeps its Last-Modified, so conditional requests still match.
   */
  async get(key: string, render: Render): Promise<Rendered> {
    const version = await this.version.current();
    const cached = this.entries.get(key);
    if (cached && cached.version === version.key) {
      this.counted('hit');
      return cached;
    }
    const flight = `${version.key}\u0000${key}`;
    const running = this.rendering.join(flight);
    // No await between finding no render running and leading one: the next asker must see it.
    const shared = running && (await running);
    if (shared) {
      this.counted('shared');
      return shared;
    }
    this.counted('rendered');
    const share = this.rendering.lead(flight);
    try {
      const entry = await this.keep(key, render, version, cached);
      share(entry);
      return entry;
    } catch (error) {
      share(null);
      throw error;
    }
  }

  /** Renders `key` and keeps it for `version`. */
  private async keep(
    key: string,
    render: Render,
    version: { key: string; at: string | null },
    cached: Entry | undefined,
  ): Promise<Entry> {
    const out = await render();
    const etag = `"${createHash('sha256').update(out.body).digest('base64url').slice(0, 27)}"`;
    let lastModifiedMs: number;
    if (cached && cached.etag === etag) {
      lastModifiedMs = cached.lastModifiedMs;
    } else {
      const candidates = [out.lastModified, version.at]
        .filter((d): d is string => Boolean(d))
        .map((d) => Date.parse(d))
        .filter((ms) => Number.isFinite(ms));
      // HTTP dates have whole seconds.
      lastModifiedMs =
        Math.floor((candidates.length ? Math.max(...candidates) : Date.now()) / 1000) * 1000;
      // A changed answer is never older than the one it replaces.
      if (cached && lastModifiedMs <= cached.lastModifiedMs) {
        lastModifiedMs = cached.lastModifiedMs + 1000;
      }
    }
    const payload = ownUtf8(out.body);
    const entry: Entry = {
      status: out.status,
      contentType: out.contentType,
      payload,
      gzipped: await gzipped(payload),
      etag,
      lastModified: httpDate(lastModifiedMs),
      lastModifiedMs,
      version: version.key,
    };
    this.entries.set(key, entry);
    return entry;
  }
}

/** Whether a conditional GET may be answered 304 (If-None-Match first, as RFC 9110 says). */
function notModified(request: FastifyRequest, r: Rendered): boolean {
  const inm = request.headers['if-none-match'];
  if (inm !== undefined) {
    return inm
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === r.etag || tag === '*');
  }
  const ims = request.headers['if-modified-since'];
  if (ims !== undefined) {
    const since = Date.parse(ims);
    return Number.isFinite(since) && r.lastModifiedMs <= since;
  }
  return false;
}

/** Sends a rendered answer with its validators, or 304 when the caller's copy is current. */
export function sendRendered(request: FastifyRequest, reply: FastifyReply, r: Rendered) {
  reply.headers({
    etag: r.etag,
    'last-modified': r.lastModified,
    'cache-control': 'public, max-age=60',
  });
  const body = bodyFor(request, reply, r);
  if (r.status === 200 && notModified(request, r)) {
    // Without the body, but with the headers it would have had (Vary among them).
    reply.removeHeader('content-encoding');
    return reply.code(304).send();
  }
  return reply.code(r.status).header('content-type', r.contentType).send(body);
}
