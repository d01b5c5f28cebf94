import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? path : null;
  }
  // Binary bodies (uploads) are not text: they may hold any byte.
  if (depth > 64 || value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) {
    return null;
  }
  for (const [key, inner] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) {
      return here;
    }
    const found = findNul(inner, here, depth + 1);
    if (found) {
      return found;
    }
  }
  return null;
}

/**
 * Refuses NUL characters anywhere in the path, query or body: PostgreSQL cannot store them in
 * text and would fail the request with a 500; no legitimate text needs them.
 */
export function rejectNulCharacters(app: FastifyInstance): void {
  // Callback style: these run on every request, and an async hook would cost a promise each.
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.url.includes('%00') || request.url.includes('\u0000')) {
      done(
        new AppError('validation_failed', 'The address contains a NUL character.', {
          errors: [{ path: 'url', message: 'NUL characters are not allowed' }],
        }),
      );
      return;
    }
    done();
  });
  app.addHook('preValidation', (request, _reply, done) => {
    const found = request.body === undefined ? null : findNul(request.body, '');
    if (found !== null) {
      done(
        new AppError('validation_failed', 'The body contains a NUL character.', {
          errors: [{ path: found, message: 'NUL characters are not allowed' }],
        }),
      );
      return;
    }
    done();
  });
}
