/** A server-sent events client over real HTTP (fetch), for tests of the live event streams. */

export interface SseEvent {
  id: string | null;
  event: string;
  data: string;
  /** performance.now() when the event was parsed. */
  at: number;
}

export interface Change {
  seq: number;
  entity: string;
  id: string;
  action: string;
  meetingId: string | null;
  at: string;
}

export class SseClient {
  readonly events: SseEvent[] = [];
  /** `retry:` values and comments, in order. */
  readonly fields: string[] = [];
  ended = false;
  private waiters: (() => void)[] = [];

  private constructor(
    readonly response: Response,
    private readonly controller: AbortController,
  ) {}

  /** Opens a stream; resolves once the response head arrived (any status). */
  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const controller = new AbortController();
    const response = await fetch(url, { headers, signal: controller.signal });
    const client = new SseClient(response, controller);
    if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
      void client.pump();
    } else {
      client.ended = true;
    }
    return client;
  }

  private async pump(): Promise<void> {
    const reader = (this.response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          break;
        }
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // Aborted by close(), or the server ended the connection.
    }
    this.ended = true;
    this.wake();
  }

  private parse(block: string): void {
    let id: string | null = null;
    let event = 'message';
    const data: string[] = [];
    let isEvent = false;
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || line.startsWith('retry:')) {
        this.fields.push(line);
        continue;
      }
      const colon = line.indexOf(':');
      const name = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      isEvent = true;
      if (name === 'id') {
        id = value;
      } else if (name === 'event') {
        event = value;
      } else if (name === 'data') {
        data.push(value);
      }
    }
    if (isEvent) {
      this.events.push({ id, event, data: data.join('\n'), at: performance.now() });
      this.wake();
    }
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) {
      w();
    }
  }

  /** The `change` events received so far. */
  changes(): Change[] {
    return this.events.filter((e) => e.event === 'change').map((e) => JSON.parse(e.data) as Change);
  }

  /** Waits for the first event (received or to come) that matches. */
  async waitFor(match: (e: SseEvent) => boolean, timeoutMs = 5000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found) {
        return found;
      }
      if (this.ended) {
        throw new Error(`stream ended; received ${JSON.stringify(this.events)}`);
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`no matching event in ${timeoutMs} ms; got ${JSON.stringify(this.events)}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for the `change` of this entity id (and action, if given). */
  async waitForChange(id: string, action?: string, timeoutMs = 5000): Promise<Change> {
    const event = await this.waitFor((e) => {
      if (e.event !== 'change') {
        return false;
      }
      const c = JSON.parse(e.data) as Change;
      return c.id === id && (action === undefined || c.action === action);
    }, timeoutMs);
    return JSON.parse(event.data) as Change;
  }

  /** Resolves with the seq of `event: ready`. */
  async ready(timeoutMs = 5000): Promise<number> {
    const event = await this.waitFor((e) => e.event === 'ready', timeoutMs);
    return (JSON.parse(event.data) as { seq: number }).seq;
  }

  /** Waits until the server ends the stream. */
  async untilEnded(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) {
      if (Date.now() > deadline) {
        throw new Error('the stream did not end');
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.controller.abort();
  }
}
