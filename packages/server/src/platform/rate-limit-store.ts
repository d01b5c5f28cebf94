import type {
  FastifyRateLimitOptions,
  FastifyRateLimitStore,
  FastifyRateLimitStoreCtor,
} from '@fastify/rate-limit';
import { sql } from 'kysely';
import type { Db } from '../db/dialect.ts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** How often expired counters are swept (by whichever request comes first after that). */
const SWEEP_MS = 60_000;

/**
 * A store for @fastify/rate-limit in the `rate_limits` table, so a limit holds across every
 * instance (DESIGN §5 "Scale-out"): one atomic upsert per counted request, which starts a new
 * window when the old one has ended and otherwise adds one.
 */
export function databaseRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  let sweptAt = 0;

  async function hit(key: string, timeWindow: number): Promise<{ current: number; ttl: number }> {
    const now = Date.now();
    if (now - sweptAt > SWEEP_MS) {
      sweptAt = now;
      await db.deleteFrom('rateLimits').where('resetAt', '<=', now).execute();
    }
    const resetAt = now + timeWindow;
    const row = await db
      .insertInto('rateLimits')
      .values({ key, hits: 1, resetAt })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          hits: sql<number>`case when rate_limits.reset_at <= ${now} then 1 else rate_limits.hits + 1 end`,
          resetAt: sql<number>`case when rate_limits.reset_at <= ${now} then ${resetAt} else rate_limits.reset_at end`,
        }),
      )
      .returning(['hits', 'resetAt'])
      .executeTakeFirstOrThrow();
    return { current: Number(row.hits), ttl: Math.max(0, Number(row.resetAt) - now) };
  }

  async function peek(key: string): Promise<{ current: number; ttl: number }> {
    const now = Date.now();
    const row = await db
      .selectFrom('rateLimits')
      .select(['hits', 'resetAt'])
      .where('key', '=', key)
      .where('resetAt', '>', now)
      .executeTakeFirst();
    return row
      ? { current: Number(row.hits), ttl: Number(row.resetAt) - now }
      : { current: 0, ttl: 0 };
  }

  class DatabaseStore implements FastifyRateLimitStore {
    /** Each limited route counts apart: the plugin's key is the client alone. */
    constructor(
      _options: FastifyRateLimitOptions,
      private readonly prefix = '',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      hit(`${this.prefix}${key}`, timeWindow).then(
        (result) => callback(null, result),
        (error: Error) => callback(error),
      );
    }

    read(key: string, callback: Callback): void {
      peek(`${this.prefix}${key}`).then(
        (result) => callback(null, result),
        (error: Error) => callback(error),
      );
    }

    child(
      routeOptions: Parameters<FastifyRateLimitStore['child']>[0] & {
        routeInfo?: { method?: unknown; url?: string };
      },
    ): FastifyRateLimitStore {
      const route = routeOptions.routeInfo ?? routeOptions;
      return new DatabaseStore(
        routeOptions as FastifyRateLimitOptions,
        `${route.method} ${route.url}|`,
      );
    }
  }
  return DatabaseStore;
}
