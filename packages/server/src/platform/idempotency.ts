import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/dialect.ts';
import { nowIso } from './context.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { actorKey: string; key: string } | null;
    /**
     * The Idempotency-Key of a multipart POST, checked only once the upload is read (its body is
     * not parsed before the handler): the handler calls claimUploadIdempotency with a digest of
     * what it read.
     */
    uploadIdempotencyKey: string | null;
  }
}

const KEEP_HOURS = 24;
const REPLAYED_HEADERS = ['location', 'etag', 'content-type'];

function actorKeyOf(request: FastifyRequest): string {
  return request.actor.id ?? `anonymous:${request.ip}`;
}

/**
 * Idempotency-Key on POST (DESIGN §4): the first answer is stored and replayed for a repeat of
 * the same request; the same key with another body is refused; a key still running is a 409.
 * Keys live in the database, so they hold across restarts and instances.
 */
export const idempotencyPlugin = fp(async (app: FastifyInstance, opts: { db: Db }) => {
  const { db } = opts;
  app.decorateRequest('idempotency', null);
  app.decorateRequest('uploadIdempotencyKey', null);

  // Reads pass these hooks on every request: they return at once, without a promise.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method !== 'POST' || request.headers['idempotency-key'] === undefined) {
      done();
      return;
    }
    claimKey(request, reply).then(() => done(), done);
  });

  async function claimKey(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const key = request.headers['idempotency-key'];
    if (key === undefined) {
      return;
    }
    if (typeof key !== 'string' || key.length < 1 || key.length > 200) {
      throw new AppError('validation_failed', 'Idempotency-Key must be 1 to 200 characters.', {
        errors: [{ path: 'headers.idempotency-key', message: 'Use 1 to 200 characters' }],
      });
    }
    // (The multipart plugin, and request.isMultipart, exist only in the upload routes' scopes.)
    if (/^multipart\//i.test(request.headers['content-type'] ?? '')) {
      request.uploadIdempotencyKey = key;
      return;
    }
    return claim(db, request, reply, key, JSON.stringify(request.body ?? null));
  }

  app.addHook('onSend', (request, reply, payload, done) => {
    if (!request.idempotency) {
      done(null, payload);
      return;
    }
    complete(request, reply, payload).then((out) => done(null, out), done);
  });

  async function complete(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const marker = request.idempotency;
    if (!marker) {
      return payload;
    }
    request.idempotency = null;
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      // A failed attempt may be retried with the same key.
      await db
        .deleteFrom('idempotencyKeys')
        .where('actorKey', '=', marker.actorKey)
        .where('key', '=', marker.key)
        .execute();
      return payload;
    }
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) {
        headers[name] = String(value);
      }
    }
    await db
      .updateTable('idempotencyKeys')
      .set({
        state: 'done',
        responseStatus: reply.statusCode,
        responseBody: payload,
        responseHeaders: JSON.stringify(headers),
      })
      .where('actorKey', '=', marker.actorKey)
      .where('key', '=', marker.key)
      .execute();
    return payload;
  }
});

/**
 * Claims the key for this request, or answers a repeat with the stored response (then the caller
 * must not go on: `reply.sent` is true).
 */
async function claim(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  body: string,
): Promise<void> {
  const actorKey = actorKeyOf(request);
  const requestHash = createHash('sha256')
    .update(`${request.method} ${request.url}\n${body}`)
    .digest('hex');
  const inserted = await db
    .insertInto('idempotencyKeys')
    .values({ actorKey, key, requestHash, state: 'pending', createdAt: nowIso() })
    .onConflict((oc) => oc.columns(['actorKey', 'key']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
    request.idempotency = { actorKey, key };
    return;
  }
  const stored = await db
    .selectFrom('idempotencyKeys')
    .selectAll()
    .where('actorKey', '=', actorKey)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!stored) {
    throw new AppError(
      'idempotency_conflict',
      'The key expired meanwhile; send the request again.',
    );
  }
  if (stored.requestHash !== requestHash) {
    throw new AppError(
      'unprocessable',
      'This Idempotency-Key was used for a different request; use a new key.',
    );
  }
  if (stored.state !== 'done' || stored.responseStatus === null) {
    throw new AppError('idempotency_conflict', 'A request with this key is still running.', {
      headers: { 'retry-after': '1' },
    });
  }
  const headers = JSON.parse(stored.responseHeaders ?? '{}') as Record<string, string>;
  await reply
    .code(stored.responseStatus)
    .headers({ ...headers, 'idempotent-replayed': 'true' })
    .send(stored.responseBody ?? '');
}

/**
 * For a multipart POST, once its upload is read and before anything is written: `digest` stands
 * for what was uploaded (e.g. the file's SHA-256 and name). A repeat of the same upload with the
 * same key is answered with the first response, and the handler returns `true` means: stop, the
 * answer is sent. The same key with another upload is a 422.
 */
export async function claimUploadIdempotency(
  request: FastifyRequest,
  reply: FastifyReply,
  digest: string,
): Promise<boolean> {
  const key = request.uploadIdempotencyKey;
  if (key === null) {
    return false;
  }
  request.uploadIdempotencyKey = null;
  await claim(request.server.db, request, reply, key, `multipart ${digest}`);
  return reply.sent;
}

/** Forgets keys older than a day. */
export async function pruneIdempotencyKeys(db: Db): Promise<void> {
  const cutoff = new Date(Date.now() - KEEP_HOURS * 3_600_000).toISOString();
  await db.deleteFrom('idempotencyKeys').where('createdAt', '<', cutoff).execute();
}
