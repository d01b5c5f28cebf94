import { type ChildProcess, fork } from 'node:child_process';
import { serverBuild } from '../../bin/server-build.mjs';
import type { FromServer, MemoryReport, ToServer } from '../servers/protocol.ts';

const START_TIMEOUT_MS = 60_000;
/**
 * The flags Plenum runs with (`npm start`, docs/OPERATIONS.md): a 256 MB old generation makes V8
 * collect before the heap swells to twice what it holds (soak: RSS peaks 282 → 223 MB).
 */
const NODE_FLAGS = ['--max-old-space-size=256'];
/**
 * And its environment: two glibc malloc arenas instead of up to eight per core, so memory freed
 * by one thread is reused by the next (ten-minute soak: native memory settled 20 MB lower).
 */
const NODE_ENV = { MALLOC_ARENA_MAX: '2' };
const STOP_TIMEOUT_MS = 15_000;

/**
 * A bench server in a process of its own, so that the load generator does not share its event
 * loop (DESIGN §6 measures on two cores: one for the server, one for autocannon).
 */
export class ServerProcess {
  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    readonly origin: string,
  ) {}

  /**
   * Starts `bench/servers/<script>.ts`, compiled as `bin/plenum` runs the server (no loader in
   * the measured process), with `env` added to the environment.
   */
  static async start(
    name: string,
    script: string,
    args: string[] = [],
    env: Record<string, string> = {},
  ): Promise<ServerProcess> {
    const entry = `bench/servers/${script}.ts`;
    const compiled = await serverBuild({
      entries: [entry],
      inputs: ['bench/servers', 'packages/server/src', 'packages/shared/src'],
      outRoot: `bench/servers/dist/${script}`,
    });
    const child = fork(compiled[entry] as string, args, {
      execArgv: NODE_FLAGS,
      env: { ...process.env, ...NODE_ENV, ...env },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    // Server logs go to stderr: stdout carries the results only.
    child.stdout?.pipe(process.stderr);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`The ${name} server did not start within ${START_TIMEOUT_MS / 1000} s.`));
      }, START_TIMEOUT_MS);
      const onExit = (code: number | null) => {
        clearTimeout(timer);
        reject(new Error(`The ${name} server exited with code ${code} before it was ready.`));
      };
      child.once('exit', onExit);
      child.on('message', function onReady(message: FromServer) {
        if (message.type === 'ready') {
          clearTimeout(timer);
          child.off('exit', onExit);
          child.off('message', onReady);
          resolve(new ServerProcess(name, child, `http://127.0.0.1:${message.port}`));
        }
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The server's resident set size now and at its peak. */
  async memory(): Promise<MemoryReport> {
    const m = await this.ask({ type: 'memory' }, 'memory');
    return { rss: m.rss, peakRss: m.peakRss, heapUsed: m.heapUsed };
  }

  /** Starts the server's CPU profiler. */
  async startProfile(): Promise<void> {
    await this.ask({ type: 'profile-start' }, 'profile-started');
  }

  /** Stops the server's CPU profiler and has it write the profile to `file`. */
  async stopProfile(file: string): Promise<void> {
    await this.ask({ type: 'profile-stop', file }, 'profile-saved');
  }

  /** Sends a message and waits for the answer of the given type (or an error report). */
  private ask<T extends FromServer['type']>(
    message: ToServer,
    answer: T,
  ): Promise<Extract<FromServer, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.child.off('message', onMessage);
        reject(new Error(`${this.name}: no answer to ${message.type}`));
      }, 30_000);
      const onMessage = (m: FromServer) => {
        if (m.type === answer || m.type === 'error') {
          clearTimeout(timer);
          this.child.off('message', onMessage);
          if (m.type === 'error') {
            reject(new Error(`${this.name}: ${m.message}`));
          } else {
            resolve(m as Extract<FromServer, { type: T }>);
          }
        }
      };
      this.child.on('message', onMessage);
      this.send(message);
    });
  }

  /** Asks the server to close and waits for its exit (killing it when it does not). */
  stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.send({ type: 'stop' });
    });
  }

  private send(message: ToServer): void {
    this.child.send(message);
  }
}
