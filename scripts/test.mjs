#!/usr/bin/env node
// `npm test`: build, typecheck, lint, the Vitest suites (unit + integration, in Node) and the
// Playwright suite (the real renderer in Chromium against `callscope serve`). Ends with the plain
// line "N passed, N failed" summing every runner, and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const results = join(root, 'test-results');
rmSync(join(results, 'vitest.json'), { force: true });
rmSync(join(results, 'playwright.json'), { force: true });
mkdirSync(results, { recursive: true });

const bin = (name) => join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;
const failures = [];

function run(label, command, args) {
  process.stdout.write(`\n=== ${label}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return result.status === 0;
}

/** A step that is not a test runner counts as one check. */
function step(label, command, args) {
  if (run(label, command, args)) passed++;
  else {
    failed++;
    failures.push(label);
  }
}

step('build (electron-vite)', bin('electron-vite'), ['build']);
step('typecheck: core (no DOM, no Node)', bin('tsc'), ['-p', 'tsconfig.core.json']);
step('typecheck: main, preload, tests', bin('tsc'), ['-p', 'tsconfig.node.json']);
step('typecheck: renderer', bin('tsc'), ['-p', 'tsconfig.web.json']);
step('typecheck: e2e', bin('tsc'), ['-p', 'tsconfig.e2e.json']);
step('lint (eslint, boundaries)', bin('eslint'), ['.']);

const vitestOk = run('vitest (unit + integration)', bin('vitest'), [
  'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(results, 'vitest.json')}`,
]);
const vitestFile = join(results, 'vitest.json');
if (existsSync(vitestFile)) {
  const report = JSON.parse(readFileSync(vitestFile, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A suite that fails to load has no failed tests but fails the run.
  if (!vitestOk && report.numFailedTests === 0) {
    failed++;
    failures.push('vitest (suite error)');
  }
  if (report.numPendingTests + report.numTodoTests > 0) failures.push(`vitest: ${report.numPendingTests + report.numTodoTests} skipped (not counted)`);
  if (report.numFailedTests > 0) failures.push('vitest');
} else {
  failed++;
  failures.push('vitest (no report)');
}

const playwrightOk = run('playwright (Chromium against callscope serve)', bin('playwright'), ['test']);
const playwrightFile = join(results, 'playwright.json');
if (existsSync(playwrightFile)) {
  const { stats } = JSON.parse(readFileSync(playwrightFile, 'utf8'));
  passed += stats.expected;
  failed += stats.unexpected + stats.flaky;
  if (stats.unexpected + stats.flaky > 0) failures.push('playwright');
  if (!playwrightOk && stats.unexpected + stats.flaky === 0) {
    failed++;
    failures.push('playwright (run error)');
  }
} else {
  failed++;
  failures.push('playwright (no report)');
}

if (failures.length > 0) process.stdout.write(`\nNot green: ${failures.join('; ')}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
