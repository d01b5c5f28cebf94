import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import { AppError } from './errors.ts';

/**
 * Who may call a route, declared on the route itself (`config: { access: … }`), so the access
 * rules of DESIGN §3 can be read from the route table and proven per caller by one suite.
 *
 * The declaration is the route-level rule: which callers get past the door. What a caller then
 * sees of a resource (classification, access lists, a delegate's own state) is decided by the
 * service and the repository queries; a caller who may not read an item gets 404.
 *
 * - `public`    anyone, anonymous included; anonymous callers see only what is public.
 * - `signedIn`  any signed-in user; anonymous 401.
 * - `delegate`  delegates (each for its own member state only; another state is 403 from the
 *               service) and staff; anonymous 401, observers 403.
 * - `staff`     secretariat and admin; anonymous 401, observers and delegates 403.
 * - `admin`     admin only; anonymous 401, everyone else 403.
 * - `secret`    anyone may call; the request itself carries the credential (a password at
 *               sign-in, a calendar feed's secret URL, a single sign-on callback's state).
 */
export const ROUTE_ACCESS = ['public', 'signedIn', 'delegate', 'staff', 'admin', 'secret'] as const;
export type RouteAccess = (typeof ROUTE_ACCESS)[number];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/** One row of the route table: what a route declares (`access` undefined when it declares none). */
export interface RouteAccessEntry {
  method: string;
  url: string;
  access: RouteAccess | undefined;
  /** Registered by a third-party plugin whose routes take no config of ours; see PLUGIN_ROUTES. */
  assigned: boolean;
}

/**
 * Routes that plugins register without a way to pass `config`: the API reference (swagger-ui) and
 * the built workspace's files (@fastify/static). Both are public by nature; they get their rule
 * here, by path, rather than going undeclared.
 */
const PLUGIN_ROUTES: readonly [prefix: string, access: RouteAccess][] = [
  ['/api/docs', 'public'],
  ['/app/', 'public'],
];

/**
 * The door of each rule that has one: a plain callback (no promise, no allocation but the Set
 * lookup) that runs as the route's own first onRequest hook, so after the caller is resolved
 * (the auth plugin's app-level onRequest runs before any route-level one) and before the body
 * is even parsed, let alone validated.
 */
function door(passing: ReadonlySet<string> | null): onRequestHookHandler {
  return (request, _reply, done) => {
    const role = request.actor.role;
    if (role === 'anonymous') {
      done(new AppError('unauthenticated', 'Sign in or send an API token.'));
    } else if (passing !== null && !passing.has(role)) {
      done(new AppError('forbidden', 'Your role does not allow this action.'));
    } else {
      done();
    }
  };
}

const DOORS: Record<RouteAccess, onRequestHookHandler | null> = {
  public: null,
  secret: null,
  signedIn: door(null),
  delegate: door(new Set(['delegate', 'secretariat', 'admin'])),
  staff: door(new Set(['secretariat', 'admin'])),
  admin: door(new Set(['admin'])),
};

const tables = new WeakMap<FastifyInstance, RouteAccessEntry[]>();

/** Every route of the app with its declared access, in registration order (tests, docs). */
export function routeAccessTable(app: FastifyInstance): readonly RouteAccessEntry[] {
  return tables.get(app) ?? [];
}

/**
 * Enforces each route's declared `access` centrally, before the body is parsed or validated, so
 * an anonymous or under-privileged caller learns nothing from the validator; the services keep
 * their own checks. Install it before any route is registered (it works through onRoute).
 * A route without a declaration gets no door (its service still decides): the access suite
 * fails for it instead, so a new route cannot ship undeclared unnoticed.
 */
export function installRouteAccess(app: FastifyInstance): void {
  const table: RouteAccessEntry[] = [];
  tables.set(app, table);
  app.addHook('onRoute', (route) => {
    let assigned = false;
    if (route.config?.access === undefined) {
      const plugin = PLUGIN_ROUTES.find(([prefix]) => route.url.startsWith(prefix));
      if (plugin) {
        route.config = { ...route.config, access: plugin[1] };
        assigned = true;
      }
    }
    const access = route.config?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      table.push({ method, url: route.url, access, assigned });
    }
    const gate = access === undefined ? null : DOORS[access];
    if (gate) {
      const own = route.onRequest;
      route.onRequest = own === undefined ? [gate] : [gate, ...(Array.isArray(own) ? own : [own])];
    }
  });
}
