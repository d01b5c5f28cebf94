import {
  ERROR_STATUS,
  ERROR_TITLES,
  type ErrorCode,
  type Problem,
  SERVER_MESSAGES_RU,
  validationMessage,
} from '@plenum/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';

export type FieldError = { path: string; message: string };

/** A known failure with a stable code; rendered as an RFC 9457 problem. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    detail?: string,
    opts: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? ERROR_TITLES[code]);
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.errors = opts.errors;
    this.headers = opts.headers;
  }
}

export const notFound = (what = 'resource') => new AppError('not_found', `No such ${what}.`);
export const forbidden = (detail = 'Your role does not allow this action.') =>
  new AppError('forbidden', detail);
export const invalid = (path: string, message: string) =>
  new AppError('validation_failed', 'The request has invalid fields.', {
    errors: [{ path, message }],
  });

const ruErrors = z.locales.ru().localeError;

/** The caller's interface language: X-Plenum-Language (set by the web client) or Accept-Language. */
export function requestLanguage(request: FastifyRequest): 'en' | 'ru' {
  const explicit = request.headers['x-plenum-language'];
  if (explicit === 'ru' || explicit === 'en') {
    return explicit;
  }
  const accept = request.headers['accept-language'];
  if (typeof accept === 'string') {
    const first = accept.split(',')[0]?.trim().toLowerCase() ?? '';
    if (first.startsWith('ru')) {
      return 'ru';
    }
  }
  return 'en';
}

type IssueLike = { code?: string; message: string; path?: PropertyKey[] } & Record<string, unknown>;

/** A fixed server message in the caller's language (English is the message id). */
export function localizeMessage(message: string, lang: 'en' | 'ru'): string {
  return (
    validationMessage(message, lang) ??
    (lang === 'ru' ? SERVER_MESSAGES_RU[message] : undefined) ??
    message
  );
}

function localizeIssue(issue: IssueLike, lang: 'en' | 'ru'): string {
  const own =
    validationMessage(issue.message, lang) ??
    (lang === 'ru' ? SERVER_MESSAGES_RU[issue.message] : undefined);
  if (own) {
    return own;
  }
  if (lang === 'ru') {
    try {
      const out = ruErrors(issue as never);
      const text = typeof out === 'string' ? out : out?.message;
      if (text) {
        return text;
      }
    } catch {
      // fall through to the English message
    }
  }
  return issue.message;
}

function issuePath(prefix: string, path: readonly PropertyKey[] | undefined): string {
  const inner = (path ?? []).map(String).join('.');
  if (!prefix) {
    return inner;
  }
  return inner ? `${prefix}.${inner}` : prefix;
}

/** Turns Zod issues into the problem's `errors[]`, in the caller's language. */
export function zodFieldErrors(
  issues: readonly IssueLike[],
  lang: 'en' | 'ru',
  prefix = '',
): FieldError[] {
  return issues.map((issue) => ({
    path: issuePath(prefix, issue.path),
    message: localizeIssue(issue, lang),
  }));
}

export function problemBody(
  code: ErrorCode,
  status: number,
  detail: string | undefined,
  errors?: FieldError[],
): Problem {
  return {
    type: `/problems/${code.replaceAll('_', '-')}`,
    title: ERROR_TITLES[code],
    status,
    code,
    ...(detail ? { detail } : {}),
    ...(errors?.length ? { errors } : {}),
  };
}

export function sendProblem(
  reply: FastifyReply,
  code: ErrorCode,
  detail?: string,
  errors?: FieldError[],
  status: number = ERROR_STATUS[code],
) {
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .send(problemBody(code, status, detail, errors));
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
  FST_ERR_VALIDATION: 'validation_failed',
};

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 405:
      return 'method_not_allowed';
    case 409:
      return 'conflict';
    case 412:
      return 'precondition_failed';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 422:
      return 'unprocessable';
    case 429:
      return 'rate_limited';
    default:
      return 'bad_request';
  }
}

/**
 * Errors the router raises before any handler or hook runs (an address that is not valid
 * percent-encoding, a path parameter longer than any id): Fastify would answer them with its
 * own JSON; these are problems too. A parameter too long to be an id names nothing: 404.
 */
export function frameworkErrors(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const lang = requestLanguage(request);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendProblem(reply, 'not_found', localizeMessage('No such resource.', lang));
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    return sendProblem(reply, 'bad_request', localizeMessage('The address is malformed.', lang));
  }
  const status =
    typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 400;
  return sendProblem(reply, codeForStatus(status), undefined, undefined, status);
}

/**
 * Every error leaves as application/problem+json. Known errors keep their status; anything
 * unexpected becomes a generic 500 whose detail goes to the log only (never to the caller).
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    const lang = requestLanguage(request);
    if (error instanceof AppError) {
      if (error.headers) {
        reply.headers(error.headers);
      }
      const errors = error.errors?.map((e) => ({
        path: e.path,
        message: localizeMessage(e.message, lang),
      }));
      return sendProblem(
        reply,
        error.code,
        localizeMessage(error.message, lang),
        errors,
        error.status,
      );
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = (error as FastifyError).validationContext ?? 'body';
      const prefix = context === 'body' ? '' : context === 'querystring' ? 'query' : context;
      const issues = error.validation.map((v) => {
        const issue = (v.params as { issue?: IssueLike }).issue;
        const pathFromInstance = v.instancePath.split('/').filter(Boolean);
        return issue ?? { message: v.message ?? 'Invalid value', path: pathFromInstance };
      });
      return sendProblem(
        reply,
        'validation_failed',
        localizeMessage('The request has invalid fields.', lang),
        zodFieldErrors(issues, lang, prefix),
      );
    }
    if (error instanceof z.ZodError) {
      return sendProblem(
        reply,
        'validation_failed',
        'The request has invalid fields.',
        zodFieldErrors(error.issues as unknown as IssueLike[], lang),
      );
    }
    const fe = error as FastifyError;
    const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
    if (status >= 400 && status < 500) {
      const code = (fe.code && FASTIFY_CODES[fe.code]) || codeForStatus(status);
      const detail =
        code === 'bad_request' && fe.code?.includes('JSON')
          ? 'The body is not valid JSON.'
          : status === 429
            ? 'Too many requests; try again later.'
            : code === 'unsupported_media_type'
              ? 'Send the body as application/json.'
              : code === 'payload_too_large'
                ? 'The body is larger than allowed.'
                : ERROR_TITLES[code];
      return sendProblem(reply, code, detail, undefined, status);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      'internal',
      localizeMessage('Something went wrong on our side; it has been logged.', lang),
    );
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, 'not_found', `No route for ${request.method} ${request.url.split('?')[0]}.`),
  );
}
