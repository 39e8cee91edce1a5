import { defineConfig } from 'vitest/config';

/**
 * Two projects so that only the integration suites (the real app, which starts the built audio
 * worker) pay for a build: `vitest run test/unit` builds nothing.
 */
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
    // each project names its pool (measured: without it the unit project ran as if in worker threads, the
    // default, whose smaller young generation made the normalizer scaling test measure GC: x22-31)
    projects: [
      { extends: true, test: { name: 'unit', pool: 'forks', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', pool: 'forks', include: ['test/integration/**/*.test.ts'], globalSetup: ['test/support/global-setup.ts'] } },
    ],
  },
});
