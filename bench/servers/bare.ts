/**
 * The bare baseline (DESIGN §6): Fastify 5 with no plugins and two routes answering constants —
 * the yardstick every Plenum figure is divided by, measured in the same run.
 */
import Fastify from 'fastify';
import { BARE_HTML, BARE_JSON } from './payloads.ts';
import { serveForBench } from './serve.ts';

const app = Fastify();
app.get('/json', async () => BARE_JSON);
app.get('/html', async (_request, reply) => reply.type('text/html; charset=utf-8').send(BARE_HTML));
await serveForBench(app);
