import { ZId } from '@plenum/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../app.ts';
import { AppError } from '../../platform/errors.ts';
import { REPLAY_LIMIT } from '../../platform/events.ts';
import { readableMeeting } from '../meetings/service.ts';

const ZEventsQuery = z.object({
  lastEventId: z.coerce
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .describe('Resume after this event id, for clients that cannot send the Last-Event-ID header'),
});

const DESCRIPTION =
  'A `text/event-stream` (server-sent events) of the changes the caller may read, as they are ' +
  'committed. Each change is `id: <seq>`, `event: change`, `data: {"seq", "entity", "id", ' +
  '"action", "meetingId", "at"}`: `seq` is the audit-trail sequence number, `entity` the audit ' +
  'entity type (meeting, agenda_item, decision, document, meeting_session, proposal, news, …). ' +
  'The event carries no content: refetch what it names through the API. Resume with the ' +
  `Last-Event-ID header (or ?lastEventId=): the missed events are replayed; after more than ` +
  `${REPLAY_LIMIT} the server sends \`event: reset\` instead, and the client refetches ` +
  'everything it shows. `event: ready` with `{"seq"}` says the stream is live; a comment is ' +
  'sent every 15 s; `retry: 1000` asks for reconnection after a second. The server ends a ' +
  'stream after 30 minutes (and when an instance shuts down): reconnect with Last-Event-ID, ' +
  'which also applies a changed sign-in or role.';

/** The id to resume after: the Last-Event-ID header, else ?lastEventId=, else none. */
function resumeAfter(request: FastifyRequest, query: number | undefined): number | null {
  const header = request.headers['last-event-id'];
  if (header === undefined || header === '') {
    return query ?? null;
  }
  if (typeof header !== 'string' || !/^[0-9]{1,15}$/.test(header.trim())) {
    throw new AppError('validation_failed', 'Last-Event-ID must be an event id (a number).', {
      errors: [
        { path: 'headers.last-event-id', message: 'Send the id of the last event received' },
      ],
    });
  }
  return Number(header.trim());
}

/** Opens the stream on the raw response; the event bus writes to it from then on. */
async function openStream(
  request: FastifyRequest,
  reply: FastifyReply,
  meetingId: string | null,
  lastEventId: number | null,
): Promise<FastifyReply | undefined> {
  const app = request.server;
  if (app.draining) {
    throw new AppError('unavailable', 'This instance is shutting down; connect again.', {
      headers: { 'retry-after': '1' },
    });
  }
  const headers = {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    'x-accel-buffering': 'no',
  };
  if (request.method === 'HEAD') {
    // The head of a stream that will not be sent: nothing to keep open.
    return reply.code(200).headers(headers).send();
  }
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, { ...headers, connection: 'keep-alive' });
  request.raw.socket.setNoDelay(true);
  res.write('retry: 1000\n\n');
  try {
    await app.events.attach(res, request.actor, meetingId, lastEventId);
  } catch (error) {
    request.log.error({ err: error }, 'opening an event stream failed');
    res.end();
  }
  return undefined;
}

/** Live events (DESIGN §4): everything the caller may read, or one meeting's. */
export async function eventRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Live events'];

  r.get(
    '/events',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Live events: every change the caller may read',
        description: DESCRIPTION,
        querystring: ZEventsQuery,
      },
    },
    async (request, reply) =>
      openStream(request, reply, null, resumeAfter(request, request.query.lastEventId)),
  );

  r.get(
    '/meetings/:id/events',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Live events of one meeting (404 if you may not read the meeting)',
        description:
          `${DESCRIPTION} Only the changes that belong to this meeting: the meeting, its agenda ` +
          'items, participants, decisions, session and proposals, and the consultations of a ' +
          'council meeting.',
        params: z.object({ id: ZId }),
        querystring: ZEventsQuery,
      },
    },
    async (request, reply) => {
      const lastEventId = resumeAfter(request, request.query.lastEventId);
      await readableMeeting(ctxOf(request), request.params.id);
      return openStream(request, reply, request.params.id, lastEventId);
    },
  );
}
