import { readdirSync, readFileSync } from 'node:fs';
import type { Reporter, TestModule, TestSpecification } from 'vitest/node';

/**
 * A reporter that keeps a run from hanging silently. Vitest has no wall-clock limit per file: a
 * worker whose event loop is blocked never reaches its own test timeout, and a run whose files
 * have all finished can still wait on a worker that does not go away. CI then stops at its
 * overall limit with nothing said. This reporter, running in vitest's own process, names a file
 * that runs longer than PLENUM_TEST_FILE_LIMIT_S (600 s) and ends the run with a failure; and when
 * every file has finished but the run has not ended PLENUM_TEST_END_GRACE_S (120 s) later, it
 * says so and exits with the files' own result, since nothing is left to test.
 */
export default class WatchdogReporter implements Reporter {
  private readonly fileLimitMs = seconds('PLENUM_TEST_FILE_LIMIT_S', 600) * 1000;
  private readonly endGraceMs = seconds('PLENUM_TEST_END_GRACE_S', 120) * 1000;
  private readonly running = new Map<string, number>();
  private expected = 0;
  private finished = 0;
  private failed = false;
  private allFinishedAt: number | undefined;
  private timer: NodeJS.Timeout | undefined;

  onTestRunStart(specifications: ReadonlyArray<TestSpecification>): void {
    this.expected = specifications.length;
    this.timer = setInterval(() => this.check(), 5_000);
  }

  onTestModuleStart(module: TestModule): void {
    this.running.set(module.moduleId, Date.now());
  }

  onTestModuleEnd(module: TestModule): void {
    this.running.delete(module.moduleId);
    this.finished += 1;
    if (module.state() === 'failed') {
      this.failed = true;
    }
    if (this.finished >= this.expected) {
      this.allFinishedAt = Date.now();
    }
  }

  onTestRunEnd(): void {
    clearInterval(this.timer);
  }

  private check(): void {
    const now = Date.now();
    for (const [file, started] of this.running) {
      if (now - started > this.fileLimitMs) {
        this.stop(
          1,
          `${file} has run for ${Math.round((now - started) / 1000)} s, over the limit of ` +
            `${this.fileLimitMs / 1000} s per file (a blocked event loop never reaches the test ` +
            'timeout): the run ends here as failed.',
        );
      }
    }
    if (this.allFinishedAt !== undefined && now - this.allFinishedAt > this.endGraceMs) {
      this.stop(
        this.failed ? 1 : 0,
        `all ${this.finished} test files finished ${Math.round((now - this.allFinishedAt) / 1000)} s ` +
          `ago but the run has not ended (a worker did not stop); exiting with the files' result: ` +
          `${this.failed ? 'failed' : 'passed'}.`,
      );
    }
  }

  private stop(code: number, message: string): void {
    process.stderr.write(`\n[watchdog] ${message}\n`);
    // A blocked worker would outlive vitest and keep a core busy: end vitest's children first.
    for (const pid of childrenOf(process.pid)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    process.exit(code);
  }
}

/** Process ids whose parent is `parent` (Linux /proc; elsewhere none, and vitest's own exit). */
function childrenOf(parent: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const children: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      // The command name (field 2) is in parentheses and may hold spaces; the parent follows it.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) {
        children.push(Number(entry));
      }
    } catch {
      // ended while being read
    }
  }
  return children;
}

function seconds(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
