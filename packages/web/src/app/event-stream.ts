// app/api.ts's API_BASE, written out: importing it would give that module a chunk of its own in the
// first page, since this module loads later (DESIGN §6 budget).
const API_BASE = '/api/v1';

/** One change as the server announces it (the data comes from the normal API afterwards). */
export interface ChangeEvent {
  seq: number;
  /** The audit entity type, snake_case: meeting, agenda_item, proposal, meeting_session, … */
  entity: string;
  id: string;
  action: string;
  meetingId: string | null;
  at: string;
}

export interface StreamHandlers {
  onChange: (event: ChangeEvent) => void;
  /** Too much was missed to replay: refetch everything shown. */
  onReset: () => void;
  /** Live (true) once the server says the stream is ready; false while reconnecting. */
  onStatus?: (live: boolean) => void;
}

const MAX_DELAY = 30_000;

/**
 * Follows a server-sent event stream of /api/v1 (`/events` or `/meetings/{id}/events`). The browser
 * reconnects by itself with Last-Event-ID; when it gives up (the stream answered an error status) a
 * new connection is made after a growing pause, resuming with `?lastEventId=` so no event is missed.
 * Returns the function that closes it.
 */
export function openEventStream(path: string, handlers: StreamHandlers): () => void {
  let source: EventSource | null = null;
  let lastId: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = 1000;
  let closed = false;

  const remember = (event: MessageEvent) => {
    if (event.lastEventId) {
      lastId = event.lastEventId;
    }
  };

  const connect = () => {
    const query = lastId ? `?lastEventId=${encodeURIComponent(lastId)}` : '';
    const s = new EventSource(`${API_BASE}${path}${query}`, { withCredentials: true });
    source = s;
    s.addEventListener('ready', () => {
      delay = 1000;
      handlers.onStatus?.(true);
    });
    s.addEventListener('change', (event) => {
      remember(event);
      try {
        handlers.onChange(JSON.parse(event.data) as ChangeEvent);
      } catch {
        // Not the shape we know: treat it as a change of anything.
        handlers.onReset();
      }
    });
    s.addEventListener('reset', (event) => {
      remember(event);
      handlers.onReset();
    });
    s.onerror = () => {
      handlers.onStatus?.(false);
      if (s.readyState === EventSource.CLOSED && !closed) {
        timer = setTimeout(connect, delay);
        delay = Math.min(delay * 2, MAX_DELAY);
      }
    };
  };

  connect();
  return () => {
    closed = true;
    clearTimeout(timer);
    source?.close();
  };
}
