import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The watchdog names a file that runs far too long and ends a run that hangs after its last
    // file, so CI fails (or passes) with a reason instead of meeting its overall time limit.
    reporters: ['default', './packages/server/test/watchdog-reporter.ts'],
    projects: [
      {
        test: {
          name: 'server',
          include: ['packages/server/src/**/*.test.ts', 'packages/server/test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file gets its own database; two workers suit this 2-core machine.
          pool: 'forks',
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
