import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/dialect.ts';
import { contentVersion } from './repository.ts';

/** A rendered answer, ready to send again. */
export interface Rendered {
  status: number;
  contentType: string;
  body: string;
  /** The body encoded once, so a cached answer costs no encoding. */
  payload: Buffer;
  etag: string;
  /** HTTP date */
  lastModified: string;
  lastModifiedMs: number;
}

interface Entry extends Rendered {
  version: string;
}

/** How long a probe of the database answers "nothing changed" before it is asked again. */
const PROBE_INTERVAL_MS = 1000;
const MAX_ENTRIES = 5000;

const httpDate = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toUTCString();

/**
 * Rendered portal answers kept in memory, keyed by path and language, valid for one content
 * version. The version is the newest audit sequence number (every write on every instance
 * appends to the audit chain in its transaction), the date (upcoming meetings move at midnight)
 * and the next moment a scheduled item goes public. A write through this process's API forces a
 * new probe before the next answer; so does another instance's write as soon as its NOTIFY reaches
 * this instance's event bus (platform/events.ts), and at the latest after PROBE_INTERVAL_MS.
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private version: { key: string; at: string | null; probedAt: number; nextDueMs: number } | null =
    null;
  private probing: Promise<{ key: string; at: string | null }> | null = null;
  /** Counts invalidations, so a probe that started before a write cannot pass for a newer one. */
  private generation = 0;

  constructor(private readonly db: Db) {}

  /** Called after a write in this process: the next request probes the database again. */
  invalidate(): void {
    this.generation++;
    this.version = null;
    this.probing = null;
  }

  private currentVersion():
    | Promise<{ key: string; at: string | null }>
    | { key: string; at: string | null } {
    const now = Date.now();
    const v = this.version;
    if (v && now - v.probedAt < PROBE_INTERVAL_MS && now < v.nextDueMs) {
      return v;
    }
    if (!this.probing) {
      const generation = this.generation;
      const probing = (async () => {
        const nowIso = new Date(now).toISOString();
        const probe = await contentVersion(this.db, nowIso);
        const key = `${probe.seq}|${nowIso.slice(0, 10)}|${probe.nextDue ?? ''}`;
        if (this.generation === generation) {
          this.version = {
            key,
            at: probe.at,
            probedAt: now,
            nextDueMs: probe.nextDue ? Date.parse(probe.nextDue) : Number.POSITIVE_INFINITY,
          };
        }
        return { key, at: probe.at };
      })();
      const clear = () => {
        if (this.probing === probing) {
          this.probing = null;
        }
      };
      probing.then(clear, clear);
      this.probing = probing;
    }
    return this.probing;
  }

  /** The cached answer for `key` when it is known to be current, without waiting for anything. */
  peek(key: string): Rendered | undefined {
    const v = this.version;
    const now = Date.now();
    if (!v || now - v.probedAt >= PROBE_INTERVAL_MS || now >= v.nextDueMs) {
      return undefined;
    }
    const cached = this.entries.get(key);
    return cached && cached.version === v.key ? cached : undefined;
  }

  /**
   * The answer for `key`: the cached one while the content version holds, else a fresh render.
   * An unchanged re-render keeps its Last-Modified, so conditional requests still match.
   */
  async get(
    key: string,
    render: () => Promise<{
      status: number;
      contentType: string;
      body: string;
      lastModified?: string;
    }>,
  ): Promise<Rendered> {
    const version = await this.currentVersion();
    const cached = this.entries.get(key);
    if (cached && cached.version === version.key) {
      return cached;
    }
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
    const entry: Entry = {
      ...out,
      payload: Buffer.from(out.body, 'utf8'),
      etag,
      lastModified: httpDate(lastModifiedMs),
      lastModifiedMs,
      version: version.key,
    };
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
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
  if (r.status === 200 && notModified(request, r)) {
    return reply.code(304).send();
  }
  return reply.code(r.status).header('content-type', r.contentType).send(r.payload);
}
