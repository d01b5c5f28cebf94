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
