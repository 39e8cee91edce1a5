import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

export interface BuiltBundle {
  /** the electron-vite config that builds it, relative to the repository. */
  config: string;
  /** the file it produces, relative to the repository. */
  output: string;
  /** the folders its code comes from, relative to the repository. */
  sources: string[];
}

/**
 * Builds a bundle a test runs (the audio worker, the bench) when it is missing or older than its
 * sources (a test run after an edit), so no test runs stale code; `npm test` builds first, so there
 * the app's bundles are already fresh.
 */
export function buildWhenStale(bundle: BuiltBundle): void {
  const output = join(root, bundle.output);
  const stale = !existsSync(output) || statSync(output).mtimeMs < Math.max(...bundle.sources.map((dir) => newest(join(root, dir))));
  if (!stale) return;
  const build = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build', '--ignoreConfigWarning', '--config', bundle.config], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`electron-vite build --config ${bundle.config} failed; ${bundle.output} is needed`);
}
