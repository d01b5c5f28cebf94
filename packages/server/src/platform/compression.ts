import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ownBytes } from './byte-bounded-map.ts';

/**
 * Kept answers (API and portal caches) are compressed once, when kept, and sent compressed to
 * every client that takes gzip — every browser does. A 50-meeting list of 44 KB goes out as about
 * 7 KB. Answers computed for one request only are sent as they are: compressing each would cost
 * more than it saves on a local network (a proxy in front may still do it).
 */

/** Smaller answers are sent as they are: gzip's own bytes and the work outweigh the gain. */
export const GZIP_MIN_BYTES = 1024;

const gzipAsync = promisify(gzip);

/**
 * The gzip form of a payload worth compressing, else null. Compressed on libuv's thread pool: a
 * meeting's implementation review (1.2 MB) would hold the event loop for milliseconds.
 */
export async function gzipped(payload: Buffer): Promise<Buffer | null> {
  if (payload.length < GZIP_MIN_BYTES) {
    return null;
  }
  const out = await gzipAsync(payload);
  return out.length < payload.length ? ownBytes(out) : null;
}

/** Whether the client takes gzip (Accept-Encoding, q-values honoured; `gzip;q=0` refuses it). */
export function acceptsGzip(request: FastifyRequest): boolean {
  const header = request.headers['accept-encoding'];
  return typeof header === 'string' && negotiate(header, ['gzip']) === 'gzip';
}

/**
 * The body to send of a kept answer: the compressed form when there is one and the client takes
 * it (with Content-Encoding), else the payload. Either way the answer varies with
 * Accept-Encoding, which shared caches must know.
 */
export function bodyFor(
  request: FastifyRequest,
  reply: FastifyReply,
  kept: { payload: Buffer; gzipped: Buffer | null },
): Buffer {
  const vary = reply.getHeader('vary');
  if (typeof vary !== 'string' || vary === '') {
    reply.header('vary', 'Accept-Encoding');
  } else if (!/accept-encoding/i.test(vary)) {
    reply.header('vary', `${vary}, Accept-Encoding`);
  }
  if (kept.gzipped && acceptsGzip(request)) {
    reply.header('content-encoding', 'gzip');
    return kept.gzipped;
  }
  return kept.payload;
}
