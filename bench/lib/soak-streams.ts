/**
 * The soak's live-event clients: long-lived `GET /api/v1/events` streams as different readers.
 * Each counts the change events it receives, reconnects with Last-Event-ID when the server ends
 * the stream (as a browser's EventSource does), and is watched for stalls: a stream that receives
 * nothing for a while although changes it may see were written meanwhile has stopped working.
 */
import http from 'node:http';
import type { SoakStats } from './soak-client.ts';

/** What a reader may see, from least to most: anonymous, signed-in (delegate), staff. */
export type Audience = 'public' | 'internal' | 'staff';
const RANK: Record<Audience, number> = { public: 0, internal: 1, staff: 2 };

/** A stream without an event this long after a change it may see was written has stalled. */
export const STALL_MS = 20_000;
/** As the server's `retry: 1000` asks. */
const RECONNECT_MS = 1_000;

/** When changes were written, per audience that may see them (kept for the last minutes). */
export class WriteLog {
  private readonly times: Record<Audience, number[]> = { public: [], internal: [], staff: [] };

  /** A change was committed (its 2xx read) that readers of `audience` and wider may see. */
  mark(audience: Audience): void {
    const now = Date.now();
    const list = this.times[audience];
    list.push(now);
    if (list.length > 2_000) {
      list.splice(0, 1_000);
    }
  }

  /** The earliest write visible to `reader` made after `since`, or null. */
  firstAfter(reader: Audience, since: number): number | null {
    let first: number | null = null;
    for (const a of Object.keys(RANK) as Audience[]) {
      if (RANK[a] > RANK[reader]) {
        continue;
      }
      const t = this.times[a].find((x) => x > since);
      if (t !== undefined && (first === null || t < first)) {
        first = t;
      }
    }
    return first;
  }
}

export interface StreamReport {
  name: string;
  audience: Audience;
  events: number;
  /** Streams ended by the server and opened again (Last-Event-ID). */
  reconnects: number;
  /** `event: reset`: more was missed than the server replays. */
  resets: number;
  /** The longest time between two events received while the load ran. */
  maxGapMs: number;
  stalls: number;
}

export class SoakStream {
  private request: http.ClientRequest | null = null;
  private stopped = false;
  private lastId: number | null = null;
  private buffer = '';
  events = 0;
  reconnects = 0;
  resets = 0;
  stalls = 0;
  maxGapMs = 0;
  /** Date.now() of the last change event (or of the stream's opening, before the first). */
  lastEventAt = Date.now();
  /** The stall being reported: not reported again until an event arrives. */
  private stalled = false;
  ready = false;

  constructor(
    readonly name: string,
    readonly audience: Audience,
    private readonly origin: string,
    private readonly headers: Record<string, string>,
    private readonly stats: SoakStats,
  ) {}

  open(): void {
    const headers: Record<string, string> = { ...this.headers, accept: 'text/event-stream' };
    if (this.lastId !== null) {
      headers['last-event-id'] = String(this.lastId);
    }
    const label = `GET /api/v1/events (${this.name})`;
    const req = http.get(new URL('/api/v1/events', this.origin), { headers }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        this.stats.fail('stream', label, `HTTP ${res.statusCode}`);
        this.again();
        return;
      }
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => this.receive(chunk));
      res.on('end', () => this.again());
      res.on('error', (error) => {
        if (!this.stopped) {
          this.stats.fail('stream', label, `connection error: ${error.message}`);
        }
      });
    });
    req.on('error', (error) => {
      if (!this.stopped) {
        this.stats.fail('stream', label, `connection error: ${error.message}`);
        this.again();
      }
    });
    this.request = req;
  }

  /** The server ended the stream (or it failed): reconnect, resuming after the last id. */
  private again(): void {
    if (this.stopped) {
      return;
    }
    this.request = null;
    this.reconnects++;
    setTimeout(() => {
      if (!this.stopped) {
        this.open();
      }
    }, RECONNECT_MS).unref();
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end = this.buffer.indexOf('\n\n');
    while (end >= 0) {
      const frame = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.frame(frame);
      end = this.buffer.indexOf('\n\n');
    }
  }

  private frame(frame: string): void {
    let event = 'message';
    let id: number | null = null;
    for (const line of frame.split('\n')) {
      if (line.startsWith('event: ')) {
        event = line.slice(7);
      } else if (line.startsWith('id: ')) {
        id = Number(line.slice(4));
      }
    }
    if (id !== null) {
      this.lastId = id;
    }
    if (event === 'ready') {
      this.ready = true;
    } else if (event === 'reset') {
      this.resets++;
    } else if (event === 'change') {
      const now = Date.now();
      this.maxGapMs = Math.max(this.maxGapMs, now - this.lastEventAt);
      this.lastEventAt = now;
      this.events++;
      this.stalled = false;
    }
  }

  /** Reports a stall: a change this reader may see was written STALL_MS ago and nothing came. */
  check(writes: WriteLog): void {
    const now = Date.now();
    const first = writes.firstAfter(this.audience, this.lastEventAt);
    if (first !== null && now - first > STALL_MS && !this.stalled) {
      this.stalled = true;
      this.stalls++;
      this.stats.fail(
        'stream',
        `GET /api/v1/events (${this.name})`,
        `stalled: no event for ${((now - this.lastEventAt) / 1000).toFixed(0)} s although ` +
          `changes it may see were written ${((now - first) / 1000).toFixed(0)} s ago`,
      );
    }
  }

  /** Restarts the gap measure (after setup, when the load starts). */
  resetGap(): void {
    this.lastEventAt = Date.now();
    this.maxGapMs = 0;
  }

  close(): void {
    this.stopped = true;
    this.request?.destroy();
  }

  report(): StreamReport {
    return {
      name: this.name,
      audience: this.audience,
      events: this.events,
      reconnects: this.reconnects,
      resets: this.resets,
      maxGapMs: this.maxGapMs,
      stalls: this.stalls,
    };
  }
}
