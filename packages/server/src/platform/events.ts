import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sql } from 'kysely';
import type pg from 'pg';
import type { DbHandle } from '../db/dialect.ts';
import type { Actor } from './context.ts';
import { type Audience, mayReceive, resolveAudiences } from './live-audience.ts';

declare module 'fastify' {
  interface FastifyInstance {
    events: EventBus;
    /** True from the moment drain() starts: /readyz answers 503 and new streams are refused. */
    draining: boolean;
    /**
     * Graceful shutdown: unready at once, wait `delayMs` (PLENUM_SHUTDOWN_DELAY_MS, default 3000)
     * so the load balancer notices, end the open streams, then close (in-flight requests finish).
     */
    drain(opts?: { delayMs?: number }): Promise<void>;
  }
}

/** One audit event as sent to the streams that may receive it. */
export interface LiveEvent {
  seq: number;
  meetingId: string | null;
  audience: Audience;
  /** The whole SSE frame, serialized once for every stream. */
  frame: string;
}

/** One open event stream. */
export interface Stream {
  readonly actor: Actor;
  /** Only this meeting's events; null for everything the actor may read. */
  readonly meetingId: string | null;
  readonly res: ServerResponse;
  /** The last sequence number handled (sent or withheld). */
  cursor: number;
  /** Events that arrive while the stream replays what it missed. */
  queue: LiveEvent[] | null;
  /** Date.now() when it opened. */
  readonly openedAt: number;
}

export const AUDIT_CHANNEL = 'plenum_audit';
export const INVALIDATE_CHANNEL = 'plenum_invalidate';
/** More missed events than this and the client is told to refetch (`event: reset`). */
export const REPLAY_LIMIT = 500;
const READ_BATCH = 500;
const HEARTBEAT_MS = 15_000;
/** SQLite: writes of jobs and the command line are not poked; a cheap read finds them. */
const POLL_MS = 1_000;
/** A client that reads slower than this much buffered output is cut off; it resumes by id. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 5_000;
const ACK_TIMEOUT_MS = 1_000;
/** The LISTEN connection's application_name, then the schema: how instances count each other. */
const LISTEN_NAME_PREFIX = 'plenum-listen:';
/**
 * A stream keeps the caller's rights of the moment it opened; ending it after this long makes the
 * client reconnect (resuming by id) and be authenticated again, so a logout or a changed role
 * takes effect on open streams too.
 */
const MAX_STREAM_AGE_MS = 30 * 60_000;

const frameOf = (row: {
  seq: number;
  entityType: string;
  entityId: string;
  action: string;
  at: string;
  meetingId: string | null;
}) =>
  `id: ${row.seq}\nevent: change\ndata: ${JSON.stringify({
    seq: row.seq,
    entity: row.entityType,
    id: row.entityId,
    action: row.action,
    meetingId: row.meetingId,
    at: row.at,
  })}\n\n`;

interface Logger {
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

/**
 * The live events of one app instance (DESIGN §4 "Live events"): a projection of the audit trail,
 * whose gapless `seq` is assigned under a lock held until commit, so seq order is commit order and
 * "everything after seq N" misses nothing. One reader per instance, however many clients: it
 * learns of new events (PostgreSQL: NOTIFY from a trigger; SQLite: a poke after each write and a
 * poll), reads them once, resolves each one's meeting and audience once, and writes the frame,
 * serialized once, to every stream whose caller may see it.
 *
 * The same PostgreSQL connection carries cache invalidations between instances.
 */
export class EventBus {
  /** The newest sequence number read. */
  lastSeq = 0;
  /** Every open stream (heartbeats, closing). */
  private readonly all = new Set<Stream>();
  /** The streams of everything the caller may read. */
  private readonly global = new Set<Stream>();
  private readonly byMeeting = new Map<string, Set<Stream>>();
  private reading: Promise<void> | null = null;
  private readAgain = false;
  private closed = false;
  private listener: pg.Client | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private reconnectDelay = RECONNECT_MIN_MS;
  private timers: NodeJS.Timeout[] = [];
  private readonly instanceId = randomUUID();
  private readonly advanceListeners: (() => void)[] = [];
  private readonly invalidateListeners = new Map<string, (() => void)[]>();
  /** Acknowledgements awaited for this instance's invalidation notices, by nonce. */
  private readonly acks = new Map<string, (instance: string) => void>();

  constructor(
    private readonly handle: DbHandle,
    private readonly log: Logger,
  ) {}

  /** Called as soon as the audit trail is known to have grown (e.g. to drop cached pages). */
  onAdvance(listener: () => void): void {
    this.advanceListeners.push(listener);
  }

  /** Called when another instance announces a change of `kind` (and after a reconnect). */
  onInvalidate(kind: string, listener: () => void): void {
    const list = this.invalidateListeners.get(kind) ?? [];
    list.push(listener);
    this.invalidateListeners.set(kind, list);
  }

  /**
   * Tells the other instances to forget what they cached of `kind`, and resolves once every
   * other listening instance has acknowledged it (each clears its cache before acknowledging),
   * so a request that reaches any of them afterwards finds nothing stale. An instance that does
   * not answer within ACK_TIMEOUT_MS is not waited for further; one that is not listening uses no
   * cache (`listening`) and drops everything when it reconnects.
   */
  async publishInvalidate(kind: string): Promise<void> {
    if (this.handle.dialect !== 'postgres' || this.closed) {
      return;
    }
    const schema = this.handle.schema ?? 'public';
    const listeners = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
      where application_name = ${LISTEN_NAME_PREFIX + schema} and datname = current_database()`
      .execute(this.handle.db)
      .then((r) => Number(r.rows[0]?.n ?? 0));
    const others = listeners - (this.listener ? 1 : 0);
    const nonce = randomUUID();
    let timer: NodeJS.Timeout | undefined;
    const acknowledged = new Promise<void>((resolve) => {
      if (others <= 0) {
        resolve();
        return;
      }
      const from = new Set<string>();
      this.acks.set(nonce, (instance) => {
        from.add(instance);
        if (from.size >= others) {
          resolve();
        }
      });
      timer = setTimeout(resolve, ACK_TIMEOUT_MS);
    });
    try {
      const payload = `${schema}:${kind}:${this.instanceId}:${nonce}`;
      await sql`select pg_notify(${INVALIDATE_CHANNEL}, ${payload})`.execute(this.handle.db);
      await acknowledged;
    } finally {
      clearTimeout(timer);
      this.acks.delete(nonce);
    }
  }

  /** Whether notices from other instances are being received (always, on SQLite). */
  get listening(): boolean {
    return this.handle.dialect !== 'postgres' || this.listener !== null;
  }

  async start(): Promise<void> {
    try {
      const last = await this.handle.db
        .selectFrom('auditEvents')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirst();
      this.lastSeq = Number(last?.seq ?? 0);
    } catch (error) {
      this.log.error({ err: error }, 'live events: reading the audit trail failed');
    }
    const heartbeat = setInterval(() => this.heartbeat(), HEARTBEAT_MS);
    heartbeat.unref();
    this.timers.push(heartbeat);
    if (this.handle.dialect === 'postgres') {
      await this.connect();
    } else {
      const poll = setInterval(() => this.poke(), POLL_MS);
      poll.unref();
      this.timers.push(poll);
    }
  }

  private async connect(): Promise<void> {
    this.reconnectTimer = null;
    if (this.closed) {
      return;
    }
    const schema = this.handle.schema ?? 'public';
    // Only PostgreSQL listens, so pg is loaded here: a server on SQLite never pays its ~16 MB.
    const { default: pgModule } = await import('pg');
    if (this.closed) {
      return;
    }
    // Named, so instances (and operators) can find the listening connections in pg_stat_activity.
    const client = new pgModule.Client({
      connectionString: this.handle.url,
      application_name: `${LISTEN_NAME_PREFIX}${schema}`,
    });
    let failed = false;
    const fail = () => {
      if (failed) {
        return;
      }
      failed = true;
      if (this.listener === client) {
        this.listener = null;
      }
      client.end().catch(() => {});
      this.scheduleReconnect();
    };
    client.on('error', (error) => {
      this.log.warn({ err: error }, 'live events: the LISTEN connection failed; reconnecting');
      fail();
    });
    client.on('end', fail);
    client.on('notification', (message) => {
      const payload = message.payload ?? '';
      if (message.channel === AUDIT_CHANNEL) {
        const colon = payload.lastIndexOf(':');
        if (payload.slice(0, colon) === schema && Number(payload.slice(colon + 1)) > this.lastSeq) {
          this.advanced();
          this.poke();
        }
      } else if (message.channel === INVALIDATE_CHANNEL) {
        // `schema:kind:sender:nonce`, or `schema:ack:sender:nonce:acknowledger`.
        const [from, kind, sender, nonce, acknowledger] = payload.split(':');
        if (from !== schema || !kind || !sender || !nonce) {
          return;
        }
        if (kind === 'ack') {
          if (sender === this.instanceId && acknowledger) {
            this.acks.get(nonce)?.(acknowledger);
          }
        } else if (sender !== this.instanceId) {
          this.invalidated(kind);
          const ack = `${schema}:ack:${sender}:${nonce}:${this.instanceId}`;
          sql`select pg_notify(${INVALIDATE_CHANNEL}, ${ack})`
            .execute(this.handle.db)
            .catch((error: unknown) =>
              this.log.warn({ err: error }, 'live events: acknowledging an invalidation failed'),
            );
        }
      }
    });
    try {
      await client.connect();
      await client.query(`listen ${AUDIT_CHANNEL}`);
      await client.query(`listen ${INVALIDATE_CHANNEL}`);
    } catch (error) {
      this.log.warn({ err: error }, 'live events: cannot LISTEN; retrying');
      fail();
      return;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    const wasReconnect = this.reconnectDelay > RECONNECT_MIN_MS || this.listener !== null;
    this.listener = client;
    this.reconnectDelay = RECONNECT_MIN_MS;
    if (wasReconnect) {
      // Whatever was announced while deaf: caches are dropped and the trail is read from lastSeq.
      for (const kind of this.invalidateListeners.keys()) {
        this.invalidated(kind);
      }
      this.advanced();
    }
    this.poke();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) {
      return;
    }
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MAX_MS);
    this.reconnectTimer = setTimeout(() => void this.connect(), delay);
    this.reconnectTimer.unref();
  }

  private advanced(): void {
    for (const listener of this.advanceListeners) {
      listener();
    }
  }

  private invalidated(kind: string): void {
    for (const listener of this.invalidateListeners.get(kind) ?? []) {
      listener();
    }
  }

  /** Something may have been written: read the trail after lastSeq (coalesced). */
  poke(): void {
    if (this.closed) {
      return;
    }
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = (async () => {
      do {
        this.readAgain = false;
        try {
          await this.readNew();
        } catch (error) {
          if (!this.closed) {
            this.log.error({ err: error }, 'live events: reading new audit events failed');
          }
        }
      } while (this.readAgain && !this.closed);
    })().finally(() => {
      this.reading = null;
    });
  }

  private async readNew(): Promise<void> {
    for (;;) {
      const events = await this.readAfter(this.lastSeq, READ_BATCH);
      if (events.length === 0) {
        return;
      }
      this.advanced();
      for (const event of events) {
        this.lastSeq = event.seq;
        this.fanOut(event);
      }
      if (events.length < READ_BATCH) {
        return;
      }
    }
  }

  private async readAfter(after: number, limit: number): Promise<LiveEvent[]> {
    const rows = await this.handle.db
      .selectFrom('auditEvents')
      .select(['seq', 'at', 'action', 'entityType', 'entityId'])
      .where('seq', '>', after)
      // Reads of restricted items are audited but change nothing: sent on, they would make
      // every client read again (and be audited again), round and round.
      .where('action', '!=', 'read')
      .orderBy('seq')
      .limit(limit)
      .execute();
    if (rows.length === 0) {
      return [];
    }
    const resolved = await resolveAudiences(this.handle.db, rows);
    return rows.map((row, i) => {
      const { meetingId, audience } = resolved[i] as (typeof resolved)[number];
      return { seq: row.seq, meetingId, audience, frame: frameOf({ ...row, meetingId }) };
    });
  }

  private fanOut(event: LiveEvent): void {
    this.deliverTo(this.global, event);
    if (event.meetingId !== null) {
      const meeting = this.byMeeting.get(event.meetingId);
      if (meeting) {
        this.deliverTo(meeting, event);
      }
    }
  }

  private deliverTo(streams: Set<Stream>, event: LiveEvent): void {
    for (const stream of streams) {
      if (stream.queue) {
        stream.queue.push(event);
      } else {
        this.deliver(stream, event);
      }
    }
  }

  private deliver(stream: Stream, event: LiveEvent): void {
    if (event.seq <= stream.cursor) {
      return;
    }
    stream.cursor = event.seq;
    if (mayReceive(stream.actor, event.audience)) {
      this.write(stream, event.frame);
    }
  }

  private write(stream: Stream, chunk: string): void {
    const res = stream.res;
    if (res.destroyed || res.writableEnded) {
      return;
    }
    if (res.writableLength > MAX_BUFFERED_BYTES) {
      res.destroy();
      return;
    }
    res.write(chunk);
  }

  private heartbeat(): void {
    const expired = Date.now() - MAX_STREAM_AGE_MS;
    for (const stream of [...this.all]) {
      if (stream.queue) {
        continue;
      }
      if (stream.openedAt < expired) {
        this.detach(stream);
        stream.res.end();
      } else {
        this.write(stream, ': heartbeat\n\n');
      }
    }
  }

  /**
   * Attaches an open stream: replays what it missed after `lastEventId` (or tells it to reset
   * when that is too much), then sends `ready` and delivers live. Events arriving meanwhile wait
   * in the stream's queue, so nothing falls between the replay and the live events.
   */
  async attach(
    res: ServerResponse,
    actor: Actor,
    meetingId: string | null,
    lastEventId: number | null,
  ): Promise<Stream> {
    const stream: Stream = {
      actor,
      meetingId,
      res,
      cursor: this.lastSeq,
      queue: [],
      openedAt: Date.now(),
    };
    this.all.add(stream);
    if (meetingId === null) {
      this.global.add(stream);
    } else {
      let set = this.byMeeting.get(meetingId);
      if (!set) {
        set = new Set();
        this.byMeeting.set(meetingId, set);
      }
      set.add(stream);
    }
    res.once('close', () => this.detach(stream));
    if (lastEventId === null) {
      // Live from now: what the bus has not read yet but was committed before is not news.
      stream.cursor = Math.max(stream.cursor, await this.newestSeq());
    } else {
      const head = stream.cursor;
      const missed = await this.readAfter(lastEventId, REPLAY_LIMIT + 1);
      const newest = missed.length === 0 ? await this.newestSeq() : null;
      if (missed.length > REPLAY_LIMIT || (newest !== null && lastEventId > newest)) {
        // Too much to replay, or an id this trail never issued (a restored database).
        this.write(stream, `id: ${head}\nevent: reset\ndata: {"seq":${head}}\n\n`);
      } else {
        stream.cursor = lastEventId;
        for (const event of missed) {
          if (meetingId === null || event.meetingId === meetingId) {
            this.deliver(stream, event);
          } else {
            stream.cursor = event.seq;
          }
        }
      }
    }
    const queued = stream.queue ?? [];
    stream.queue = null;
    for (const event of queued) {
      this.deliver(stream, event);
    }
    this.write(stream, `event: ready\ndata: {"seq":${stream.cursor}}\n\n`);
    return stream;
  }

  private async newestSeq(): Promise<number> {
    const last = await this.handle.db
      .selectFrom('auditEvents')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    return Number(last?.seq ?? 0);
  }

  private detach(stream: Stream): void {
    this.all.delete(stream);
    if (stream.meetingId === null) {
      this.global.delete(stream);
    } else {
      const set = this.byMeeting.get(stream.meetingId);
      set?.delete(stream);
      if (set?.size === 0) {
        this.byMeeting.delete(stream.meetingId);
      }
    }
  }

  /** Ends every open stream; clients reconnect (to another instance) with Last-Event-ID. */
  endStreams(): void {
    for (const stream of [...this.all]) {
      this.detach(stream);
      if (!stream.res.writableEnded) {
        stream.res.end();
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) {
      clearInterval(timer);
    }
    if (this.reconnectTimer) {
      clearTimeout(this.reconnectTimer);
    }
    this.endStreams();
    await this.reading;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => {});
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The event bus of the app, the cross-instance invalidation of the auth cache, and drain().
 * Register after the auth plugin (it wires the auth cache) and before the routes.
 */
export const eventsPlugin = fp(async (app: FastifyInstance, opts: { handle: DbHandle }) => {
  const bus = new EventBus(opts.handle, app.log);
  app.decorate('events', bus);
  app.decorate('draining', false);

  if (app.hasDecorator('authCache')) {
    const cache = app.authCache;
    cache.broadcast = () => bus.publishInvalidate('auth');
    // While deaf to the other instances' notices, a cached session might be one they ended.
    cache.trusted = () => bus.listening;
    bus.onInvalidate('auth', () => cache.clearLocal());
  }

  let draining: Promise<void> | null = null;
  app.decorate('drain', (drainOpts: { delayMs?: number } = {}) => {
    draining ??= (async () => {
      app.draining = true;
      const env = Number(process.env.PLENUM_SHUTDOWN_DELAY_MS);
      const delayMs = drainOpts.delayMs ?? (Number.isFinite(env) && env >= 0 ? env : 3000);
      await sleep(delayMs);
      bus.endStreams();
      await app.close();
    })();
    return draining;
  });

  if (opts.handle.dialect === 'sqlite') {
    // One process writes: a write answered here is read at once rather than at the next poll.
    app.addHook('onResponse', (request, _reply, done) => {
      if (!SAFE_METHODS.has(request.method)) {
        bus.poke();
      }
      done();
    });
  }
  app.addHook('onReady', async () => bus.start());
  // Before the server stops accepting: an open stream would otherwise hold close() forever.
  app.addHook('preClose', async () => bus.endStreams());
  app.addHook('onClose', async () => bus.close());
});
