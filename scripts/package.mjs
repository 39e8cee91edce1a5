#!/usr/bin/env node
// `npm run package` (after `electron-vite build`): the desktop installers through electron-builder
// (config: "build" in package.json; fuses: build/after-pack.mjs). electron-builder must not rebuild
// better-sqlite3 in place for Electron (`npmRebuild: false`): that would leave Node without its copy
// and `npm test` broken. The Electron copy is built beside it instead and shipped as a resource.
// Needs Electron's binary and headers, so it runs only on a machine that can download them.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureElectronSqlite } from './electron-sqlite.mjs';

const root = join(import.meta.dirname, '..');
await ensureElectronSqlite(root);
const builder = spawnSync(join(root, 'node_modules', '.bin', 'electron-builder'), process.argv.slice(2), { cwd: root, stdio: 'inherit' });
process.exit(builder.status ?? 1);
