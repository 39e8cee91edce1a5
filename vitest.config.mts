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
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], globalSetup: ['test/support/global-setup.ts'] } },
    ],
  },
});
