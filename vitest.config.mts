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
    // each project names its pool: a project does not take it from here, and in worker threads (the
    // default) the young generation is smaller, so the normalizer scaling test measured GC (x22-31)
    projects: [
      { extends: true, test: { name: 'unit', pool: 'forks', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', pool: 'forks', include: ['test/integration/**/*.test.ts'], globalSetup: ['test/support/global-setup.ts'] } },
    ],
  },
});
