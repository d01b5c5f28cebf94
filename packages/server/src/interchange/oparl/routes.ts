import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, localizeMessage, notFound, requestLanguage } from '../../platform/errors.ts';
import {
  contentDisposition,
  contentTypeHeader,
  fileStore,
  hasFile,
  openFile,
} from '../../platform/files.ts';
import { OPARL_MESSAGES_RU } from './messages.ts';
import * as service from './service.ts';
import { BODY_LISTS, type BodyList, ERROR_TYPE, oparlUrls } from './urls.ts';

const JSON_TYPE = 'application/json; charset=utf-8';
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const STATE_CODE = /^[A-Z]{3}$/;
// RFC 3339 with an explicit offset, as OParl's filters take it.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;
const LISTS = new Set<string>(Object.values(BODY_LISTS));
const FILTERS = {
  created_since: 'createdSince',
  created_until: 'createdUntil',
  modified_since: 'modifiedSince',
  modified_until: 'modifiedUntil',
} as const;

type Params = Record<string, string>;

const messageIn = (message: string, lang: 'en' | 'ru') =>
  lang === 'ru' ? (OPARL_MESSAGES_RU[message] ?? localizeMessage(message, lang)) : message;

function ctxOf(request: FastifyRequest): service.OParlCtx {
  const app = request.server;
  return {
    db: app.db,
    dialect: app.dialect,
    actor: request.actor,
    lang: requestLanguage(request),
    publicUrl: app.config.publicUrl,
  };
}

const urlsOf = (request: FastifyRequest) => oparlUrls(request.server.config.publicUrl);

const invalidQuery = (message: string) => new AppError('validation_failed', message);

/** created_since … modified_until, elementsPerPage and cursor; anything malformed is a 400. */
function listQuery(request: FastifyRequest): service.ListQuery {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const filter: service.ListQuery['filter'] = {};
  for (const [name, field] of Object.entries(FILTERS)) {
    const value = query[name];
    if (value === undefined) {
      continue;
    }
    const time = typeof value === 'string' && DATE_TIME.test(value) ? Date.parse(value) : NaN;
    if (Number.isNaN(time)) {
      throw invalidQuery(
        `${name} must be a date-time with an offset, e.g. 2026-01-31T12:00:00+03:00.`,
      );
    }
    filter[field] = new Date(time).toISOString();
  }
  let limit = service.DEFAULT_PAGE;
  const per = query.elementsPerPage;
  if (per !== undefined) {
    if (typeof per !== 'string' || !/^[1-9][0-9]{0,14}$/.test(per)) {
      throw invalidQuery('elementsPerPage must be a positive whole number.');
    }
    // OParl lets the server cap what a client asks for.
    limit = Math.min(Number(per), service.MAX_PAGE);
  }
  const cursor = query.cursor;
  if (cursor !== undefined && (typeof cursor !== 'string' || cursor.length > 1000)) {
    throw invalidQuery('Not a cursor from this list; start again without it.');
  }
  return { filter, limit, cursor: cursor as string | undefined };
}

/** The list's canonical URL with the request's filters and page size, at another cursor. */
function pageUrl(request: FastifyRequest, listUrl: string, cursor: string | null): string {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const params = new URLSearchParams();
  for (const name of [...Object.keys(FILTERS), 'elementsPerPage']) {
    const value = query[name];
    if (typeof value === 'string') {
      params.set(name, value);
    }
  }
  if (cursor !== null) {
    params.set('cursor', cursor);
  }
  const search = params.toString();
  return search ? `${listUrl}?${search}` : listUrl;
}

function sendList(
  request: FastifyRequest,
  reply: FastifyReply,
  listUrl: string,
  page: service.ListPage,
) {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const links: Record<string, string> = {
    first: pageUrl(request, listUrl, null),
    self: pageUrl(request, listUrl, typeof query.cursor === 'string' ? query.cursor : null),
  };
  if (page.next !== null) {
    links.next = pageUrl(request, listUrl, page.next);
  }
  return reply.type(JSON_TYPE).send({ data: page.data, pagination: page.pagination, links });
}

function param(request: FastifyRequest, name: string, pattern = ID): string {
  const value = (request.params as Params)[name] ?? '';
  if (!pattern.test(value)) {
    throw notFound();
  }
  return value;
}

/**
 * OParl 1.1 at /oparl/v1.1/ (read-only; docs/interchange.md): the System, the one Body and its
 * external lists, every object at its own URL, and file contents at accessUrl (inline) and
 * downloadUrl (attachment). Every answer allows any origin (CORS); errors are OParl Error objects.
 */
export async function oparlRoutes(app: FastifyInstance): Promise<void> {
  const store = fileStore(app.config.dataDir, app.config.filesMaxBytes);

  app.addHook('onSend', async (_request, reply, payload) => {
    reply
      .header('Access-Control-Allow-Origin', '*')
      .header('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS')
      .header('Cross-Origin-Resource-Policy', 'cross-origin')
      .header('Vary', 'Accept-Language, Authorization');
    return payload;
  });

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const lang = requestLanguage(request);
    if (error instanceof AppError) {
      return reply
        .code(error.status)
        .type(JSON_TYPE)
        .send({ type: ERROR_TYPE, message: messageIn(error.message, lang) });
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      return reply
        .code(status)
        .type(JSON_TYPE)
        .send({
          type: ERROR_TYPE,
          message: messageIn('The request is not valid.', lang),
        });
    }
    request.log.error({ err: error }, 'unhandled error in OParl');
    return reply
      .code(500)
      .type(JSON_TYPE)
      .send({
        type: ERROR_TYPE,
        message: messageIn('Something went wrong on our side; it has been logged.', lang),
      });
  });

  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .type(JSON_TYPE)
      .send({
        type: ERROR_TYPE,
        message: messageIn('No such object.', requestLanguage(request)),
      }),
  );

  // Browsers ask before sending an Authorization header across origins.
  app.options(
    '/*',
    { config: { access: 'public' }, schema: { hide: true } },
    async (_request, reply) =>
      reply
        .header('Access-Control-Allow-Headers', 'Authorization, Accept-Language')
        .header('Access-Control-Max-Age', '86400')
        .code(204)
        .send(),
  );

  const hide = { config: { access: 'public' as const }, schema: { hide: true } };
  const json = (reply: FastifyReply, body: unknown) => reply.type(JSON_TYPE).send(body);

  app.get('/', hide, async (request, reply) =>
    json(reply, await service.getSystem(ctxOf(request))),
  );

  app.get('/bodies', hide, async (request, reply) =>
    sendList(
      request,
      reply,
      urlsOf(request).bodies(),
      await service.bodiesPage(ctxOf(request), listQuery(request)),
    ),
  );

  app.get('/body/:id/:list', hide, async (request, reply) => {
    const id = param(request, 'id');
    const list = (request.params as Params).list ?? '';
    if (!LISTS.has(list)) {
      throw notFound();
    }
    return sendList(
      request,
      reply,
      urlsOf(request).bodyList(id, list as BodyList),
      await service.bodyListPage(ctxOf(request), id, list as BodyList, listQuery(request)),
    );
  });

  const objects: [string, service.ObjectKind, RegExp][] = [
    ['/body/:id', 'body', ID],
    ['/organization/:id', 'organization', ID],
    ['/delegation/:id', 'delegation', STATE_CODE],
    ['/person/:id', 'person', ID],
    ['/membership/:id', 'membership', ID],
    ['/meeting/:id', 'meeting', ID],
    ['/location/:id', 'location', ID],
    ['/agenda-item/:id', 'agenda-item', ID],
    ['/paper/:id', 'paper', ID],
    ['/file/:id', 'file', ID],
  ];
  for (const [url, kind, pattern] of objects) {
    app.get(url, hide, async (request, reply) =>
      json(reply, await service.getObject(ctxOf(request), kind, param(request, 'id', pattern))),
    );
  }

  app.get('/consultation/:itemId/:paperId', hide, async (request, reply) =>
    json(
      reply,
      await service.getConsultation(
        ctxOf(request),
        param(request, 'itemId'),
        param(request, 'paperId'),
      ),
    ),
  );

  // The file itself: accessUrl shows it in place (OParl forbids `attachment` there), downloadUrl
  // saves it. Both read it under the File object's access rule.
  for (const [suffix, disposition] of [
    ['access', 'inline'],
    ['download', 'attachment'],
  ] as const) {
    app.route({
      method: ['GET', 'HEAD'],
      url: `/file/:id/${suffix}`,
      config: { access: 'public' },
      schema: { hide: true },
      handler: async (request, reply) => {
        const file = await service.readableFile(ctxOf(request), param(request, 'id'));
        if (!hasFile(store, file.sha256)) {
          throw notFound('file');
        }
        const attachment = contentDisposition(file.name);
        reply
          .header('Content-Type', contentTypeHeader(file.mediaType))
          .header(
            'Content-Disposition',
            disposition === 'inline' ? attachment.replace(/^attachment/, 'inline') : attachment,
          )
          .header('Content-Length', String(file.size))
          .header('X-Content-Type-Options', 'nosniff')
          // Shown in place, the file may still run nothing and reach nothing.
          .header('Content-Security-Policy', "default-src 'none'; sandbox")
          .header('ETag', `"${file.sha256}"`)
          .header('Cache-Control', 'private, no-cache');
        const match = request.headers['if-none-match'];
        if (typeof match === 'string' && match.includes(`"${file.sha256}"`)) {
          return reply.code(304).send();
        }
        if (request.method === 'HEAD') {
          return reply.send();
        }
        return reply.send(openFile(store, file.sha256));
      },
    });
  }
}
