import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * `npm test` must pass on a fresh clone, which has no `../shared` folder beside it. Only the wild
 * suite may read the reference payloads kept there (and it says so when they are absent); any other
 * test, script, source or config file that names that folder breaks a clone, so this check fails.
 */
const repo = join(__dirname, '../..');

/** The one file allowed to read the folder outside the repository. */
const wildSuite = 'test/integration/wild-corpus.test.ts';
/** This file names the patterns it looks for; it reads nothing outside the repository. */
const thisCheck = 'test/unit/self-contained.test.ts';

const scannedFolders = ['test', 'scripts', 'src', 'bin', '.ci'];
const scannedRootFiles = /^(?:package\.json|tsconfig[\w.-]*\.json|[\w.-]+\.config\.(?:ts|mts|mjs|js|cjs|json))$/;
const textFile = /\.(?:ts|tsx|mts|cts|js|mjs|cjs|json|jsonl|sh|md|html|css)$|^[^.]+$/;

/** Ways a path to the outside folder gets written: `../shared`, `../../shared/...`, `/work/shared`, `join('..', 'shared')`. */
const outsideFolder = [
  /(?:\.\.[\\/])+shared(?:[\\/'"`]|$)/m,
  /[\\/]work[\\/]shared\b/,
  /['"`]\.\.['"`]\s*,\s*['"`]shared['"`]/,
  /['"`]shared[\\/]corpus/,
];

function namesOutsideFolder(text: string): boolean {
  return outsideFolder.some((pattern) => pattern.test(text));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(path);
    return entry.isFile() && textFile.test(entry.name) ? [path] : [];
  });
}

function scannedFiles(): string[] {
  const folders = scannedFolders.map((name) => join(repo, name)).filter((path) => statSync(path, { throwIfNoEntry: false })?.isDirectory());
  const rootFiles = readdirSync(repo).filter((name) => scannedRootFiles.test(name)).map((name) => join(repo, name));
  return [...folders.flatMap(filesUnder), ...rootFiles].map((path) => relative(repo, path).split('\\').join('/'));
}

describe('the repository is self-contained', () => {
  test('the patterns catch every way of naming the outside folder, and nothing else', () => {
    expect(namesOutsideFolder("join(__dirname, '../../../shared/corpus/dev')")).toBe(true);
    expect(namesOutsideFolder("const root = '../shared'")).toBe(true);
    expect(namesOutsideFolder('cat /work/shared/DESIGN.md')).toBe(true);
    expect(namesOutsideFolder("path.join(repo, '..', 'shared', 'corpus')")).toBe(true);
    expect(namesOutsideFolder("import { toast } from '../shared/toast';")).toBe(true);
    expect(namesOutsideFolder("join(__dirname, '../fixtures/corpus')")).toBe(false);
    expect(namesOutsideFolder('the webhook shared secret')).toBe(false);
  });

  test(`no test, script, source or config file but ${wildSuite} names ../shared`, () => {
    const files = scannedFiles();
    expect(files).toContain(wildSuite);
    expect(files).toContain('test/support/corpus.ts');
    expect(files).toContain('vitest.config.mts');
    const offenders = files.filter((file) => {
      if (file === wildSuite || file === thisCheck) return false;
      // the renderer's own `src/renderer/src/shared` folder is inside the repository
      const text = readFileSync(join(repo, file), 'utf8').replace(/from '\.\.?\/shared\/[\w-]+'/g, '');
      return namesOutsideFolder(text);
    });
    expect(offenders).toEqual([]);
  });
});
