/**
 * The bare baseline (DESIGN §6): Fastify 5 with no plugins and two routes answering constants —
 * the yardstick every Plenum figure is divided by, measured in the same run — and, for uploads,
 * one route that receives a multipart/form-data body through @fastify/multipart (the parser
 * Plenum's upload route uses, with the same limits), reads the file part to its end and discards
 * it: receiving the bytes, without hashing, storing or recording them.
 */
import fastifyMultipart from '@fastify/multipart';
import Fastify from 'fastify';
import { BARE_HTML, BARE_JSON } from './payloads.ts';
import { serveForBench } from './serve.ts';

const app = Fastify();
app.get('/json', async () => BARE_JSON);
app.get('/html', async (_request, reply) => reply.type('text/html; charset=utf-8').send(BARE_HTML));
await app.register(async (uploads) => {
  await uploads.register(fastifyMultipart, {
    limits: { fileSize: 50 * 1024 * 1024, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
  });
  uploads.post('/upload', async (request) => {
    const part = await request.file();
    let size = 0;
    if (part) {
      for await (const chunk of part.file) {
        size += (chunk as Buffer).length;
      }
    }
    return { size };
  });
});
await serveForBench(app);
