import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { FromServer, ToServer } from './protocol.ts';

function send(message: FromServer): void {
  if (!process.send) {
    throw new Error('Run as a child process of bench/run.ts (it talks over IPC).');
  }
  process.send(message);
}

/** The V8 CPU profiler of this process, started and stopped around one measured run. */
class Profiler {
  private session: Session | null = null;

  async start(): Promise<void> {
    this.session = new Session();
    this.session.connect();
    await this.session.post('Profiler.enable');
    // 200 µs between samples: fine enough for requests that take a millisecond.
    await this.session.post('Profiler.setSamplingInterval', { interval: 200 });
    await this.session.post('Profiler.start');
  }

  async stop(file: string): Promise<void> {
    if (!this.session) {
      throw new Error('The profiler is not running.');
    }
    const { profile } = await this.session.post('Profiler.stop');
    this.session.disconnect();
    this.session = null;
    fs.writeFileSync(file, JSON.stringify(profile));
  }
}

/**
 * Runs a built Fastify app as a bench server process: listens on a free local port, reports it
 * to the parent, answers memory questions, profiles on request, and on `stop` closes the app
 * (and `cleanup`) and exits.
 */
export async function serveForBench(
  app: FastifyInstance,
  cleanup: () => Promise<void> = async () => {},
): Promise<void> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 250);
  sampler.unref();
  const profiler = new Profiler();
  const fail = (error: unknown) =>
    send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  process.on('message', (message: ToServer) => {
    switch (message.type) {
      case 'memory': {
        const rss = process.memoryUsage.rss();
        peakRss = Math.max(peakRss, rss);
        send({ type: 'memory', rss, peakRss, heapUsed: process.memoryUsage().heapUsed });
        break;
      }
      case 'profile-start':
        profiler
          .start()
          .then(() => send({ type: 'profile-started' }))
          .catch(fail);
        break;
      case 'profile-stop':
        profiler
          .stop(message.file)
          .then(() => send({ type: 'profile-saved', file: message.file }))
          .catch(fail);
        break;
      case 'stop':
        clearInterval(sampler);
        app
          .close()
          .then(cleanup)
          .then(() => process.exit(0))
          .catch((error: unknown) => {
            console.error(error);
            process.exit(1);
          });
        break;
    }
  });
  // The parent going away (Ctrl-C, a crash) must not leave a server behind.
  process.on('disconnect', () => {
    setTimeout(() => process.exit(0), 2_000).unref();
  });
  send({ type: 'ready', port: (app.server.address() as AddressInfo).port });
}
