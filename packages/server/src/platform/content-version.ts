import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/dialect.ts';

declare module 'fastify' {
  interface FastifyInstance {
    contentVersion: ContentVersion;
  }
}

/** How long a probe of the database answers "nothing changed" before it is asked again. */
export const PROBE_INTERVAL_MS = 1000;

export interface VersionProbe {
  /** Changes whenever anything a reader sees may have changed. */
  key: string;
  /** When the newest write happened (ISO), for Last-Modified. */
  at: string | null;
}

/**
 * The newest audit sequence number that is not a read, the date, and the moment the next
 * scheduled item goes public: together they change whenever any answer may change. Every write
 * on every instance appends to the audit trail in its own transaction; the date moves derived
 * statuses (overdue) and upcoming meetings at midnight.
 */
export async function probeContentVersion(
  db: Db,
  now: string,
): Promise<{ seq: number; at: string | null; nextDue: string | null }> {
  const [last, due] = await Promise.all([
    db
      .selectFrom('auditEvents')
      .select(['seq', 'at'])
      // Reads of restricted items are recorded too; they change nothing anyone sees.
      .where('action', '!=', 'read')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('newsItems')
      .select((eb) => eb.fn.min('publishAt').as('nextDue'))
      .where('status', '=', 'scheduled')
      .where('publishAt', '>', now)
      .executeTakeFirst(),
  ]);
  return {
    seq: last?.seq ?? 0,
    at: last?.at ?? null,
    nextDue: (due?.nextDue as string | null | undefined) ?? null,
  };
}

/**
 * The content version the answer caches (portal pages, API reads) are valid for. A write through
 * this process's API forces a new probe before the next answer; so does another instance's write
 * as soon as its NOTIFY reaches this instance's event bus (platform/events.ts), and at the latest
 * after PROBE_INTERVAL_MS.
 */
export class ContentVersion {
  private version: { key: string; at: string | null; probedAt: number; nextDueMs: number } | null =
    null;
  private probing: Promise<VersionProbe> | null = null;
  /** Counts invalidations, so a probe that started before a write cannot pass for a newer one. */
  private generationCount = 0;

  constructor(private readonly db: Db) {}

  /** Called after a write: the next answer probes the database again. */
  invalidate(): void {
    this.generationCount++;
    this.version = null;
    this.probing = null;
  }

  /** Changes with every invalidation: an answer computed across one must not be kept. */
  get generation(): number {
    return this.generationCount;
  }

  /** The version when it is known to be current, without waiting; otherwise null. */
  peek(): string | null {
    const v = this.version;
    if (!v) {
      return null;
    }
    const now = Date.now();
    return now - v.probedAt < PROBE_INTERVAL_MS && now < v.nextDueMs ? v.key : null;
  }

  /** The current version, probing the database when the last probe is too old. */
  current(): Promise<VersionProbe> | VersionProbe {
    const now = Date.now();
    const v = this.version;
    if (v && now - v.probedAt < PROBE_INTERVAL_MS && now < v.nextDueMs) {
      return v;
    }
    if (!this.probing) {
      const generation = this.generationCount;
      const probing = (async () => {
        const nowIso = new Date(now).toISOString();
        const probe = await probeContentVersion(this.db, nowIso);
        const key = `${probe.seq}|${nowIso.slice(0, 10)}|${probe.nextDue ?? ''}`;
        if (this.generationCount === generation) {
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
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * One content version per app. A write answered by this process shows from the next request on;
 * another instance's write as soon as the event bus hears of it.
 */
export const contentVersionPlugin = fp(async (app: FastifyInstance) => {
  const version = new ContentVersion(app.db);
  app.decorate('contentVersion', version);
  app.events.onAdvance(() => version.invalidate());
  app.addHook('onSend', (request, reply, payload, done) => {
    if (!SAFE_METHODS.has(request.method) && reply.statusCode < 400) {
      version.invalidate();
    }
    done(null, payload);
  });
});
