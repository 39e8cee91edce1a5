#!/usr/bin/env node
// `npm start`: build, then open the desktop app. Where Electron's binary cannot be obtained (our
// build machines have no route to its download), say so in one line and run serve mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureElectronSqlite } from './electron-sqlite.mjs';

const root = join(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

const build = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) {
  process.stderr.write('callscope: the build failed (see above)\n');
  process.exit(1);
}

function electronBinary() {
  // require('electron') returns the binary's path, downloading it on first use.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (probe.status === 0 && probe.stdout) return { path: probe.stdout.trim() };
  const reason = (probe.stderr || probe.error?.message || 'unknown reason').trim().split('\n').filter(Boolean).at(-1);
  return { error: reason };
}

const electron = electronBinary();
if ('error' in electron) {
  process.stdout.write(`Electron's binary could not be obtained (${electron.error}); starting serve mode instead - open the URL below.\n`);
  const serve = spawn(process.execPath, [join(root, 'bin', 'callscope'), 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
  serve.on('exit', (code) => process.exit(code ?? 0));
} else {
  await ensureElectronSqlite(root);
  const app = spawn(electron.path, [root], { stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
}
