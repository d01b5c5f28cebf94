import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

declare module 'fastify' {
  interface FastifyInstance {
    /** Reports `read()` under `name` at every scrape of /metrics (the size of a cache, say). */
    gauge(name: string, help: string, read: () => number): void;
    /** A counter under `name`, by the one label `label` (how lookups of a cache end, say). */
    counter<L extends string>(name: string, help: string, label: string): (value: L) => void;
  }
}

/** Prometheus metrics on a registry of this app's own (no process-wide state). */
export const metricsPlugin = fp(async (app: FastifyInstance, opts: { defaults: boolean }) => {
  const registry = new Registry();
  app.decorate('gauge', (name: string, help: string, read: () => number) => {
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  });
  app.decorate('counter', (name: string, help: string, label: string) => {
    const counter = new Counter({ name, help, labelNames: [label], registers: [registry] });
    return (value: string) => counter.inc({ [label]: value });
  });
  if (opts.defaults) {
    collectDefaultMetrics({ register: registry, prefix: 'plenum_' });
  }
  const duration = new Histogram({
    name: 'plenum_http_request_duration_seconds',
    help: 'Duration of HTTP requests by route',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3],
    registers: [registry],
  });
  app.addHook('onResponse', (request, reply, done) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });
  app.get(
    '/metrics',
    { config: { access: 'public' }, schema: { hide: true } },
    async (_request, reply) => {
      reply.type(registry.contentType);
      return registry.metrics();
    },
  );
});
