import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 is compiled for Node (the tests run under Node). Electron needs a build for its
 * own ABI; `scripts/start.mjs` makes one beside it when the Electron binary exists, and the
 * desktop app loads that copy. Node's copy stays in place, so `npm test` and `npm start` work in
 * either order. A packaged app (`npm run package`) carries the Electron copy in its resources.
 */
export function electronNativeBinding(): string | undefined {
  const packaged = process.resourcesPath ? [join(process.resourcesPath, 'better_sqlite3.node')] : [];
  const candidates = [...packaged, join(__dirname, '../../node_modules/.callscope/electron/better_sqlite3.node')];
  return candidates.find((file) => existsSync(file));
}
