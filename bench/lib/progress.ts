/**
 * Terminal progress of long work: a live bar per table while rows go in (when stderr is a
 * terminal), then one line per table with its row count and elapsed time. Written to stderr so
 * that stdout carries only the results.
 */

const BAR_WIDTH = 24;
const REDRAW_MS = 100;

export const formatCount = (n: number) => n.toLocaleString('en-US');
export const formatSeconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export class Progress {
  private readonly tty: boolean;

  constructor(private readonly out: NodeJS.WriteStream = process.stderr) {
    this.tty = out.isTTY === true;
  }

  line(text: string): void {
    this.out.write(`${text}\n`);
  }

  /** Starts counting the rows of one table towards an expected total. */
  table(name: string, expected: number): TableProgress {
    return new TableProgress(this.out, this.tty, name, expected);
  }
}

export class TableProgress {
  private done = 0;
  private readonly started = performance.now();
  private lastDraw = 0;

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly tty: boolean,
    private readonly name: string,
    private readonly expected: number,
  ) {}

  get count(): number {
    return this.done;
  }

  add(rows: number): void {
    this.done += rows;
    if (!this.tty) {
      return;
    }
    const now = performance.now();
    if (now - this.lastDraw < REDRAW_MS && this.done < this.expected) {
      return;
    }
    this.lastDraw = now;
    const share = this.expected > 0 ? Math.min(1, this.done / this.expected) : 1;
    const filled = Math.round(share * BAR_WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
    this.out.write(
      `\r\x1b[2K  ${this.name.padEnd(22)} ${bar} ${formatCount(this.done)} / ${formatCount(this.expected)}`,
    );
  }

  /** Ends the table with its line: name, rows, elapsed time. */
  finish(): { rows: number; ms: number } {
    const ms = performance.now() - this.started;
    const prefix = this.tty ? '\r\x1b[2K' : '';
    this.out.write(
      `${prefix}  ${this.name.padEnd(22)} ${formatCount(this.done).padStart(9)} rows ${formatSeconds(ms).padStart(10)}\n`,
    );
    return { rows: this.done, ms };
  }
}
