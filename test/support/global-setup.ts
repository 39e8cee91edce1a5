import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Some integration tests start the built audio worker (a worker thread needs JavaScript). When
 * `out/` is missing or older than the sources (a plain `vitest run` after an edit), build it once
 * here; `npm test` builds first, so there this does nothing.
 */
const root = join(__dirname, '../..');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

export default function setup(): void {
  if (process.env.CALLSCOPE_SKIP_BUILD === '1') return; // developers iterating on one suite
  const worker = join(root, 'out', 'main', 'audio-worker.js');
  const stale = !existsSync(worker) || statSync(worker).mtimeMs < Math.max(newest(join(root, 'src', 'main')), newest(join(root, 'src', 'core')));
  if (!stale) return;
  const build = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('electron-vite build failed; the audio worker tests need it');
}
