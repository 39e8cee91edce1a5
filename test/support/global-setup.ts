import { buildWhenStale } from './build-when-stale';

/**
 * The integration suites open the real app, whose analysis service starts the built audio worker
 * (a worker thread needs JavaScript) for any call with a recording: build that one bundle when it is
 * stale. The unit suites need no build and do not run this (vitest.config.mts).
 */
export default function setup(): void {
  if (process.env.CALLSCOPE_SKIP_BUILD === '1') return; // developers iterating on one suite
  buildWhenStale({ config: 'test/support/audio-worker.electron.vite.config.ts', output: 'out/main/audio-worker.js', sources: ['src/main', 'src/core'] });
}
