/**
 * The live-events benchmark (issue 8): many concurrent server-sent-event clients on one meeting's
 * stream, then a series of changes of that meeting; for each change, the time from the write's
 * 2xx answer to each client's receipt of the event, and to the last client's.
 *
 * The clients run in the bench's own process over plain node:http (one socket each, through a
 * keep-alive agent that allows them all): parsing is a search for the event id, so the load
 * generator adds as little of its own time as it can. Its event loop still serves every client,
 * so the figures are an upper bound of what clients on separate machines would see.
 */
import http from 'node:http';
import { percentile } from './load.ts';

export interface StreamOptions {
  origin: string;
  meetingId: string;
  /** Headers of the stream clients (a delegate: each event passes the access check). */
  clientHeaders: Record<string, string>;
  /** Headers of the writer (the secretariat). */
  writerHeaders: Record<string, string>;
  clients: number;
  changes: number;
  /** Called with a line of progress now and then. */
  progress?: (line: string) => void;
}

export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface StreamResult {
  clients: number;
  changes: number;
  /** Milliseconds until every client's stream was live (`event: ready`). */
  connectMs: number;
  /** Every (client, change) pair: write's 2xx → that client's receipt. */
  perClient: LatencySummary;
  /** Per change: write's 2xx → receipt by the last of the clients. */
  toLast: LatencySummary;
  /** Events a client never received within the wait (should be 0). */
  missed: number;
}

const WAIT_MS = 10_000;

interface Client {
  request: http.ClientRequest;
  /** Receipt time (performance.now()) by event id. */
  received: Map<number, number>;
  ready: boolean;
}

function summary(values: number[]): LatencySummary {
  const sorted = Float64Array.from(values).sort();
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Changes the meeting's notes as the writer; resolves when the 2xx answer has been read. */
function patchMeeting(opts: StreamOptions, i: number): Promise<number> {
  const body = JSON.stringify({ notes: { en: `Live benchmark change ${i}` } });
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(`/api/v1/meetings/${opts.meetingId}`, opts.origin),
      { method: 'PATCH', headers: { ...opts.writerHeaders, 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) {
            reject(new Error(`PATCH /meetings/${opts.meetingId} answered ${status}.`));
          } else {
            resolve(performance.now());
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function measureStreams(opts: StreamOptions): Promise<StreamResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.clients + 16 });
  const url = new URL(`/api/v1/meetings/${opts.meetingId}/events`, opts.origin);
  const clients: Client[] = [];
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const until = async (done: () => boolean) => {
    const deadline = performance.now() + WAIT_MS;
    while (!done()) {
      const left = deadline - performance.now();
      if (left <= 0) {
        return false;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return true;
  };

  const started = performance.now();
  for (let i = 0; i < opts.clients; i++) {
    const client: Client = {
      request: null as unknown as http.ClientRequest,
      received: new Map(),
      ready: false,
    };
    client.request = http.get(url, { agent, headers: opts.clientHeaders }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return;
      }
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const now = performance.now();
        if (!client.ready && chunk.includes('event: ready')) {
          client.ready = true;
          notify();
        }
        // Frames start with "id: <seq>" (change and reset events); a chunk may hold several.
        let at = chunk.indexOf('id: ');
        while (at >= 0) {
          const end = chunk.indexOf('\n', at);
          client.received.set(Number(chunk.slice(at + 4, end)), now);
          at = chunk.indexOf('id: ', end);
        }
        notify();
      });
    });
    client.request.on('error', () => {});
    clients.push(client);
  }
  const allReady = await until(() => clients.every((c) => c.ready));
  const connectMs = performance.now() - started;
  if (!allReady) {
    const ready = clients.filter((c) => c.ready).length;
    for (const c of clients) {
      c.request.destroy();
    }
    agent.destroy();
    throw new Error(
      `Only ${ready} of ${opts.clients} event streams became ready in ${WAIT_MS} ms.`,
    );
  }
  opts.progress?.(`${opts.clients} streams live in ${connectMs.toFixed(0)} ms`);

  const perClient: number[] = [];
  const toLast: number[] = [];
  const first = clients[0] as Client;
  let missed = 0;
  for (let i = 0; i < opts.changes; i++) {
    const seenBefore = Math.max(0, ...first.received.keys());
    const answeredAt = await patchMeeting(opts, i);
    // The meeting's stream carries this one change: the first new id is its event.
    await until(() => [...first.received.keys()].some((id) => id > seenBefore));
    const eventId = Math.max(...first.received.keys());
    if (!(eventId > seenBefore)) {
      throw new Error(`The event of change ${i} did not arrive within ${WAIT_MS} ms.`);
    }
    await until(() => clients.every((c) => c.received.has(eventId)));
    let latest = 0;
    for (const c of clients) {
      const at = c.received.get(eventId);
      if (at === undefined) {
        missed++;
        continue;
      }
      // The event may be read before the answer to the write is (both are on their way at once).
      const latency = Math.max(0, at - answeredAt);
      perClient.push(latency);
      latest = Math.max(latest, latency);
    }
    toLast.push(latest);
    if ((i + 1) % 5 === 0 || i + 1 === opts.changes) {
      opts.progress?.(`${i + 1}/${opts.changes} changes delivered`);
    }
  }
  for (const c of clients) {
    c.request.destroy();
  }
  agent.destroy();
  return {
    clients: opts.clients,
    changes: opts.changes,
    connectMs,
    perClient: summary(perClient),
    toLast: summary(toLast),
    missed,
  };
}
