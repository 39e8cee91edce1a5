import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where the built audio worker is (`out/main/audio-worker.js`): next to the main bundle when the
 * app runs, or under the project's `out/` when the source runs (tests; `npm test` builds first).
 */
export function audioWorkerPath(): string {
  const candidates = [join(__dirname, 'audio-worker.js'), join(__dirname, '..', 'audio-worker.js')];
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    candidates.push(join(dir, 'out', 'main', 'audio-worker.js'));
    dir = dirname(dir);
  }
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error('the audio worker is not built (out/main/audio-worker.js): run "npm run build"');
  return found;
}
