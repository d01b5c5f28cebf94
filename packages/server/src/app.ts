import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { ZProblem } from '@plenum/shared';
import Fastify, { type FastifyInstance, type FastifyRequest, LogController } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { type Db, type DbHandle, type DialectName, openDatabase } from './db/dialect.ts';
import { aknRoutes } from './interchange/akn/routes.ts';
import { minutesRoutes } from './interchange/minutes/routes.ts';
import { oparlRoutes } from './interchange/oparl/routes.ts';
import { packRoutes } from './interchange/pack/routes.ts';
import { agendaRoutes } from './modules/agenda/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { calendarFeedRoutes } from './modules/calendar-feeds/routes.ts';
import { consultationRoutes } from './modules/consultations/routes.ts';
import { decisionRoutes } from './modules/decisions/routes.ts';
import { directoryRoutes } from './modules/directory/routes.ts';
import { documentRoutes } from './modules/documents/routes.ts';
import { eventRoutes } from './modules/events/routes.ts';
import { exportRoutes } from './modules/exports/routes.ts';
import { fileRoutes } from './modules/files/routes.ts';
import { implementationRoutes } from './modules/implementation/routes.ts';
import { importRoutes } from './modules/imports/routes.ts';
import { ipResultRoutes } from './modules/ip-results/routes.ts';
import { meetingRoutes } from './modules/meetings/routes.ts';
import { newsRoutes } from './modules/news/routes.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { oidcRoutes } from './modules/oidc/routes.ts';
import { programRoutes } from './modules/programs/routes.ts';
import { projectRoutes } from './modules/projects/routes.ts';
import { registerRoutes } from './modules/registers/routes.ts';
import { searchRoutes } from './modules/search/routes.ts';
import { sessionRoutes } from './modules/sessions/routes.ts';
import { standardRoutes } from './modules/standards/routes.ts';
import { userRoutes } from './modules/users/routes.ts';
import { apiCachePlugin } from './platform/api-cache.ts';
import { authPlugin } from './platform/auth.ts';
import { contentVersionPlugin } from './platform/content-version.ts';
import type { Ctx } from './platform/context.ts';
import { frameworkErrors, installErrorHandling } from './platform/errors.ts';
import { eventsPlugin } from './platform/events.ts';
import { idempotencyPlugin } from './platform/idempotency.ts';
import { rejectNulCharacters } from './platform/input.ts';
import { metricsPlugin } from './platform/metrics.ts';
import { databaseRateLimitStore } from './platform/rate-limit-store.ts';
import { installRouteAccess } from './platform/route-access.ts';
import { installSecurityHeaders } from './platform/security-headers.ts';
import { responseSerializerCompiler } from './platform/serializer.ts';
import { portalRoutes } from './public/routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    dialect: DialectName;
    config: Config;
  }
}

export interface AppOptions {
  config: Config;
  /** An open database; otherwise one is opened from config.databaseUrl and closed with the app. */
  database?: DbHandle;
  logger?: boolean;
  /** Validate every answer against its schema before sending it (tests). */
  checkResponses?: boolean;
  /** Process-level metrics (event loop, memory); off in tests where many apps share a process. */
  defaultMetrics?: boolean;
}

/** The service context of a request: database, dialect and the calling actor. */
export function ctxOf(request: FastifyRequest): Ctx {
  const app = request.server;
  return {
    db: app.db,
    dialect: app.dialect,
    actor: request.actor,
    invalidateAuth: () => app.authCache.clear(),
  };
}

export const API_PREFIX = '/api/v1';

/** Builds the whole Plenum HTTP application from a configuration; no globals. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { config } = opts;
  const handle = opts.database ?? openDatabase(config.databaseUrl);
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: [
              'req.headers.authorization',
              'req.headers.cookie',
              'req.headers["x-csrf-token"]',
            ],
          },
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.PLENUM_TRUST_PROXY === '1',
    // One line per request is noise at info level; debug and trace keep it.
    logController: new LogController({
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: true },
    frameworkErrors,
  });
  app.decorate('db', handle.db);
  app.decorate('dialect', handle.dialect);
  app.decorate('config', config);
  if (!opts.database) {
    app.addHook('onClose', async () => handle.close());
  }

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler({ check: opts.checkResponses ?? false }));
  installErrorHandling(app);
  rejectNulCharacters(app);
  installRouteAccess(app);

  await app.register(fastifyCookie);
  installSecurityHeaders(app);
  // Counted in the database, so a limit holds across every instance.
  await app.register(fastifyRateLimit, {
    global: false,
    store: databaseRateLimitStore(handle.db),
  });
  await app.register(metricsPlugin, { defaults: opts.defaultMetrics ?? false });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Plenum API',
        version: '1.0.0',
        description:
          'Secretariat platform of an intergovernmental commission. Errors are RFC 9457 problems; ' +
          'lists are cursor-paginated; every resource carries a version sent back as If-Match.',
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'plenum_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }, {}],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
  app.get(
    `${API_PREFIX}/openapi.json`,
    { config: { access: 'public' }, schema: { hide: true } },
    async () => app.swagger(),
  );

  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({
    status: 'ok',
  }));
  app.get(
    '/readyz',
    { config: { access: 'public' }, schema: { hide: true } },
    async (_request, reply) => {
      if (app.draining) {
        return reply.code(503).send({ status: 'draining' });
      }
      try {
        await handle.db.selectFrom('users').select('id').limit(1).execute();
        return { status: 'ready' };
      } catch {
        return reply.code(503).send({ status: 'unavailable' });
      }
    },
  );

  // Every API route documents its problem responses (the error handler renders them).
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith(API_PREFIX) && route.schema && !route.schema.hide) {
      route.schema.response = {
        ...(route.schema.response as Record<string, unknown> | undefined),
        '4XX': ZProblem,
        '5XX': ZProblem,
      };
    }
  });

  await app.register(authPlugin, { db: handle.db, config });
  // Live events, cross-instance invalidation and drain(); after auth, whose cache it wires.
  await app.register(eventsPlugin, { handle });
  await app.register(idempotencyPlugin, { db: handle.db });
  // The content version and the answers kept for it; before every route that uses them.
  await app.register(contentVersionPlugin);
  await app.register(apiCachePlugin, { maxBytes: config.apiCacheMegabytes * 1024 * 1024 });
  await app.register(portalRoutes);
  await app.register(oparlRoutes, { prefix: '/oparl/v1.1' });

  await app.register(
    async (api) => {
      await api.register(authRoutes);
      await api.register(userRoutes);
      await api.register(auditRoutes);
      await api.register(directoryRoutes);
      await api.register(meetingRoutes);
      await api.register(agendaRoutes);
      await api.register(exportRoutes);
      await api.register(decisionRoutes);
      await api.register(implementationRoutes);
      await api.register(documentRoutes);
      await api.register(fileRoutes);
      await api.register(notificationRoutes);
      await api.register(consultationRoutes);
      await api.register(sessionRoutes);
      await api.register(searchRoutes);
      await api.register(newsRoutes);
      await api.register(standardRoutes);
      await api.register(programRoutes);
      await api.register(projectRoutes);
      await api.register(ipResultRoutes);
      await api.register(registerRoutes);
      await api.register(importRoutes);
      await api.register(aknRoutes);
      await api.register(packRoutes);
      await api.register(oidcRoutes);
      await api.register(minutesRoutes);
      await api.register(eventRoutes);
    },
    { prefix: API_PREFIX },
  );
  // The personal calendar: its API under /api/v1/auth, its feed at /calendar/{secret}.ics.
  await app.register(calendarFeedRoutes);

  await registerWebClient(app, config.webDir);
  return app;
}

/** Serves the built workspace at /app/, answering unknown paths below it with index.html. */
async function registerWebClient(app: FastifyInstance, webDir: string): Promise<void> {
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.get(
      '/app/*',
      { config: { access: 'public' }, schema: { hide: true } },
      async (_request, reply) =>
        reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send('The workspace is not built yet: run `npm run build`.'),
    );
  } else {
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/app/',
      wildcard: false,
      index: ['index.html'],
      maxAge: '1h',
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) {
          res.header('Cache-Control', 'public, max-age=31536000, immutable');
        } else {
          res.header('Cache-Control', 'no-cache');
        }
      },
    });
    app.get(
      '/app/*',
      { config: { access: 'public' }, schema: { hide: true } },
      async (request, reply) => {
        // A build file that does not exist is a 404, not the client's page with a 200: a
        // browser holding an old chunk's name, or a scanner probing `index.js.bak`, gets no HTML.
        if (request.url.startsWith('/app/assets/')) {
          return reply.callNotFound();
        }
        return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
      },
    );
  }
}
