import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { ByteBoundedMap, ownUtf8 } from './byte-bounded-map.ts';
import { bodyFor, gzipped } from './compression.ts';
import type { Actor } from './context.ts';
import { InFlight } from './in-flight.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `audience`: the route's 200 answer depends only on its URL and on what the caller may read
     * (role, member state, bodies), never on who exactly asks, and everything it shows is written
     * with an audit event. Such answers are kept for the current content version and shared by
     * every caller of the same audience.
     */
    cache?: 'audience';
  }
  interface FastifyRequest {
    /** The content version a cacheable answer is being computed for. */
    cacheVersion: string | null;
    /** The content version's generation then: a write since means the answer is not kept. */
    cacheGeneration: number;
    /** Set by a handler whose answer must not be kept (e.g. a read that is itself audited). */
    noStore: boolean;
    /** Hands this answer to the requests waiting for it (the first asker of a key only). */
    cacheShare: ((entry: Entry | null) => void) | null;
  }
}

interface Entry {
  version: string;
  payload: Buffer;
  /** The payload compressed (platform/compression.ts), when worth it. */
  gzipped: Buffer | null;
  contentType: string;
  etag: string | undefined;
}

/** Headers of a kept answer; nothing else of the original answer is replayed. */
const CONTENT_TYPE_JSON = 'application/json; charset=utf-8';

/**
 * Which readers see the same answer: role, member state and bodies are all the access rules of
 * DESIGN §3 look at (platform/access.ts).
 */
export const audienceOf = (actor: Actor) =>
  `${actor.role}|${actor.memberState ?? ''}|${actor.bodyIds.join(',')}`;

/**
 * Answers of routes declared `cache: 'audience'`, kept in memory for the current content version
 * (platform/content-version.ts) and bounded in bytes, oldest first out. The lookup is the route's
 * last onRequest hook: after authentication and the route's access door, so a hit is only ever
 * served to a caller the route admits; before body parsing, validation, the handler, the database
 * and serialization, which a hit skips. Skipping validation is safe: the key is the whole URL,
 * and only a 200 (which a URL failing validation never gets) is kept. Requests for a key whose
 * answer is being computed wait for it rather than compute it again (platform/in-flight.ts).
 * PLENUM_API_CACHE_MB=0 turns it off (run the bench so to measure the routes without it).
 */
export const apiCachePlugin = fp(async (app: FastifyInstance, opts: { maxBytes: number }) => {
  app.decorateRequest('cacheVersion', null);
  app.decorateRequest('cacheGeneration', 0);
  app.decorateRequest('noStore', false);
  app.decorateRequest('cacheShare', null);
  const entries = new ByteBoundedMap<Entry>(opts.maxBytes);
  app.gauge('plenum_api_cache_bytes', 'Bytes of API answers kept', () => entries.bytes);
  if (opts.maxBytes <= 0) {
    return;
  }
  const version = app.contentVersion;
  const computing = new InFlight<Entry>();
  const counted = app.counter<'hit' | 'shared' | 'computed'>(
    'plenum_api_cache_lookups_total',
    'Reads of cacheable API routes: hit (a kept answer), shared (the answer another request was computing), computed',
    'outcome',
  );

  const keyOf = (request: FastifyRequest) => `${audienceOf(request.actor)}\u0000${request.url}`;

  function replay(request: FastifyRequest, reply: FastifyReply, hit: Entry): void {
    if (hit.etag) {
      reply.header('etag', hit.etag);
    }
    reply
      .code(200)
      .header('content-type', hit.contentType)
      .send(bodyFor(request, reply, hit));
  }

  /** No kept answer for `v`: wait for the one being computed, else compute it. */
  function miss(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    v: string,
    generation: number,
    done: (error?: Error) => void,
  ): void {
    request.cacheVersion = v;
    request.cacheGeneration = generation;
    const flight = `${v}\u0000${key}`;
    const running = computing.join(flight);
    if (!running) {
      counted('computed');
      request.cacheShare = computing.lead(flight);
      done();
      return;
    }
    running.then((entry) => {
      if (entry) {
        counted('shared');
        replay(request, reply, entry);
        return;
      }
      // The first asker has nothing to share (it failed, or a write came between): compute.
      counted('computed');
      done();
    }, done);
  }

  const lookup: onRequestHookHandler = (request, reply, done) => {
    if (request.method !== 'GET') {
      done();
      return;
    }
    const key = keyOf(request);
    const known = version.peek();
    if (known !== null) {
      const hit = entries.get(key);
      if (hit && hit.version === known) {
        counted('hit');
        replay(request, reply, hit);
        return;
      }
      miss(request, reply, key, known, version.generation, done);
      return;
    }
    const generation = version.generation;
    const current = version.current();
    if ('key' in current) {
      miss(request, reply, key, current.key, generation, done);
      return;
    }
    current.then(
      (v) => {
        const hit = entries.get(key);
        if (hit && hit.version === v.key) {
          counted('hit');
          replay(request, reply, hit);
          return;
        }
        miss(request, reply, key, v.key, generation, done);
      },
      (error: Error) => done(error),
    );
  };

  // Last of the route's own onRequest hooks, whichever plugin's onRoute runs first: the access
  // door (platform/route-access.ts) puts itself first.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.config?.cache !== 'audience' || !methods.includes('GET')) {
      return;
    }
    const own = route.onRequest;
    route.onRequest =
      own === undefined ? [lookup] : [...(Array.isArray(own) ? own : [own]), lookup];
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    const v = request.cacheVersion;
    if (
      v === null ||
      reply.statusCode !== 200 ||
      request.noStore ||
      typeof payload !== 'string' ||
      request.cacheGeneration !== version.generation ||
      reply.hasHeader('set-cookie')
    ) {
      request.cacheShare?.(null);
      request.cacheShare = null;
      done(null, payload);
      return;
    }
    const etag = reply.getHeader('etag');
    const type = reply.getHeader('content-type');
    const bytes = ownUtf8(payload);
    const keep = (compressed: Buffer | null) => {
      const kept: Entry = {
        version: v,
        payload: bytes,
        gzipped: compressed,
        contentType: typeof type === 'string' ? type : CONTENT_TYPE_JSON,
        etag: typeof etag === 'string' ? etag : undefined,
      };
      // A write while compressing: the answer still goes out, but is not kept or shared.
      const current = request.cacheGeneration === version.generation;
      if (current) {
        entries.set(keyOf(request), kept);
      }
      request.cacheShare?.(current ? kept : null);
      request.cacheShare = null;
      // The first answer goes out as its copies will (Content-Length follows the body sent).
      done(null, bodyFor(request, reply, kept));
    };
    // Compression cannot really fail; if it did, the answer is kept and sent as it is.
    gzipped(bytes).then(keep, () => keep(null));
  });
  // A request that ends without sending (its client went away) lets its waiters compute.
  const release = (request: FastifyRequest) => {
    request.cacheShare?.(null);
    request.cacheShare = null;
  };
  app.addHook('onResponse', (request, _reply, done) => {
    release(request);
    done();
  });
  app.addHook('onRequestAbort', (request, done) => {
    release(request);
    done();
  });
});
