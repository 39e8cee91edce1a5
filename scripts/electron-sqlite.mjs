// better-sqlite3 as installed is compiled for Node (vitest runs under Node). Electron needs one
// compiled for its ABI. We build that copy once into node_modules/.callscope/electron/ and the
// desktop app loads it through better-sqlite3's `nativeBinding` option, so Node's copy is never
// replaced and `npm test` / `npm start` keep working in either order. Needs the network (Electron
// headers or a prebuilt), which is why it only runs where the Electron binary itself was obtained.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, copyFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function ensureElectronSqlite(root) {
  const target = join(root, 'node_modules', '.callscope', 'electron', 'better_sqlite3.node');
  if (existsSync(target)) return target;
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const work = mkdtempSync(join(tmpdir(), 'callscope-sqlite-'));
  try {
    cpSync(join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true });
    const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion, npm_config_disturl: 'https://electronjs.org/headers' };
    process.stdout.write(`callscope: building better-sqlite3 for Electron ${electronVersion} (once)\n`);
    const gyp = join(root, 'node_modules', '.bin', 'node-gyp');
    const built = spawnSync(existsSync(gyp) ? gyp : 'npx', existsSync(gyp) ? ['rebuild', '--release'] : ['node-gyp', 'rebuild', '--release'], {
      cwd: work,
      env,
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('could not build better-sqlite3 for Electron');
    mkdirSync(join(root, 'node_modules', '.callscope', 'electron'), { recursive: true });
    copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
