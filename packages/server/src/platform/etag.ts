import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

export const etagOf = (version: number) => `"${version}"`;

/**
 * The version the caller says it edited, from If-Match (`"3"` or `W/"3"`), or null when it sent
 * none. A malformed If-Match can never match, so it is a 412 like a stale one.
 */
export function ifMatchVersion(request: FastifyRequest): number | null {
  const header = request.headers['if-match'];
  if (header === undefined || header === '*') {
    return null;
  }
  const match = /^\s*(?:W\/)?"(\d{1,12})"\s*$/.exec(String(header));
  if (!match?.[1]) {
    throw new AppError('precondition_failed', 'If-Match does not name a version of this resource.');
  }
  return Number(match[1]);
}

/** 412 when If-Match names a version other than the current one. */
export function checkIfMatch(request: FastifyRequest, current: number): void {
  const wanted = ifMatchVersion(request);
  if (wanted !== null && wanted !== current) {
    throw new AppError(
      'precondition_failed',
      `This resource changed since you read it (now version ${current}); reload and apply your change again.`,
    );
  }
}

/** Sends a versioned resource with its ETag. */
export function sendVersioned<T extends { version: number }>(reply: FastifyReply, dto: T): T {
  reply.header('ETag', etagOf(dto.version));
  return dto;
}
