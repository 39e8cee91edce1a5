import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../src/core/api/types';
import { importPaths } from '../../src/main/import/import-files';
import { loadCorpus } from '../support/corpus';
import { startTestApp, tempDir, type RunningTestApp } from '../support/temp-app';

const corpus = loadCorpus();
const byName = (name: string) => corpus.find((c) => c.name === name)!;
let app: RunningTestApp;
let files: ReturnType<typeof tempDir>;

beforeEach(async () => {
  app = await startTestApp();
  files = tempDir('callscope-import-files-');
});
afterEach(async () => {
  await app.stop();
  files.remove();
});

function efficientCall(n: number) {
  return { id: `jsonl-${n}`, provider_platform: 'vapi', messages: [{ role: 'bot', content: `hello ${n}` }, { role: 'user', content: 'hi' }] };
}

describe('importPaths', () => {
  it('streams a JSON Lines file in batches, reporting progress and each bad line', async () => {
    const lines = Array.from({ length: 1200 }, (_, n) => JSON.stringify(efficientCall(n)));
    lines.splice(700, 0, '{"id": ');
    writeFileSync(join(files.path, 'calls.jsonl'), `${lines.join('\n')}\n`);
    const progress: ImportProgress[] = [];
    const summary = await importPaths(app.core, [files.path], { batchSize: 250, onProgress: (p) => progress.push(p) });
    expect(summary).toMatchObject({ imported: 1200, failed: 1, files: 1 });
    expect(summary.failures).toEqual([{ source: 'calls.jsonl:701', message: expect.stringMatching(/not valid JSON/) }]);
    const counts = progress.map((p) => p.imported);
    expect(counts.length).toBeGreaterThan(4);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ files_done: 1, files_total: 1, imported: 1200 });
  });

  it('imports folders of .json (one call, arrays, list responses) and goes on past a broken file', async () => {
    mkdirSync(join(files.path, 'nested'));
    writeFileSync(join(files.path, 'one.json'), byName('vapi/eocr_basic').bytes);
    writeFileSync(join(files.path, 'nested', 'list.json'), JSON.stringify({ calls: [byName('retell/get_call_web_unicode').payload, byName('bland/call_details_pizza').payload] }));
    writeFileSync(join(files.path, 'nested', 'broken.json'), '{ not json');
    writeFileSync(join(files.path, '.hidden.json'), '{ ignored }');
    const summary = await importPaths(app.core, [files.path]);
    expect(summary).toMatchObject({ imported: 3, failed: 1, files: 3 });
    expect(summary.failures[0]?.source).toBe(join(files.path, 'nested', 'broken.json'));
    expect(summary.failures[0]?.message).toMatch(/^not valid JSON/);
  });

  it('attaches an audio file to the call whose id is its stem, and reports one that matches nothing', async () => {
    const eocr = byName('vapi/eocr_basic');
    writeFileSync(join(files.path, 'call.json'), eocr.bytes);
    const audio = Buffer.from('RIFF....WAVEfmt fake audio');
    writeFileSync(join(files.path, `${eocr.expected.external_call_id}.wav`), audio);
    writeFileSync(join(files.path, 'nobody.mp3'), audio);
    writeFileSync(join(files.path, 'notes.txt'), 'not a call');
    const summary = await importPaths(app.core, [files.path, join(files.path, 'notes.txt')]);
    expect(summary).toMatchObject({ imported: 1, attached: 1, failed: 2 });
    const messages = summary.failures.map((f) => f.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/no call with id "nobody"/), expect.stringMatching(/unsupported file type "\.txt"/)]));
    const call = await (await app.api(`/api/v1/calls/${eocr.expected.external_call_id}`)).json();
    expect(existsSync(call.recording_path)).toBe(true);
    expect(readFileSync(call.recording_path).equals(audio)).toBe(true);
  });

  it('reports a path that does not exist without stopping the others', async () => {
    writeFileSync(join(files.path, 'ok.json'), JSON.stringify(efficientCall(1)));
    const summary = await importPaths(app.core, [join(files.path, 'missing'), join(files.path, 'ok.json')]);
    expect(summary).toMatchObject({ imported: 1, failed: 1 });
    expect(summary.failures[0]?.message).toMatch(/cannot read/);
  });
});

describe('callscope import (the CLI)', () => {
  const bin = join(__dirname, '../../bin/callscope');

  it('imports, prints the summary, and exits 1 when something failed', async () => {
    await app.stop();
    writeFileSync(join(files.path, 'a.jsonl'), [JSON.stringify(efficientCall(1)), 'nope', JSON.stringify(efficientCall(2))].join('\n'));
    const run = spawnSync(process.execPath, [bin, 'import', '--data-dir', app.dataDir, files.path], { encoding: 'utf8', env: { ...process.env, CALLSCOPE_API_KEY: '' } });
    expect(run.stderr).not.toMatch(/not built/);
    expect(run.stdout).toMatch(/imported 2, merged 0, duplicates 0, failed 1/);
    expect(run.stdout).toMatch(/failed: a\.jsonl:2: .*not valid JSON/);
    expect(run.status).toBe(1);
    const again = spawnSync(process.execPath, [bin, 'import', '--data-dir', app.dataDir, join(files.path, 'a.jsonl')], { encoding: 'utf8' });
    expect(again.stdout).toMatch(/imported 0, merged 0, duplicates 2, failed 1/);
    app = await startTestApp(app.dataDir);
  });

  it('piped, shows no progress, only the summary; --json prints the summary as JSON', async () => {
    await app.stop();
    writeFileSync(join(files.path, 'calls.jsonl'), Array.from({ length: 30 }, (_, n) => JSON.stringify(efficientCall(n))).join('\n'));
    writeFileSync(join(files.path, 'bare.json'), JSON.stringify([{ role: 'Main Agent', content: 'Hello' }, { role: 'Testing Agent', content: 'Hi' }]));
    // spawnSync pipes stdout and stderr: neither is a terminal
    const piped = spawnSync(process.execPath, [bin, 'import', '--data-dir', app.dataDir, files.path], { encoding: 'utf8' });
    expect(piped.status).toBe(0);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toBe('imported 31, merged 0, duplicates 0, failed 0 (2 files)\n  read as: 30 × efficientai.observability.ingest, 1 × Cekura transcript (a bare array of turns)\n');
    const json = spawnSync(process.execPath, [bin, 'import', '--json', '--data-dir', app.dataDir, files.path], { encoding: 'utf8' });
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toEqual({
      imported: 0,
      merged: 0,
      duplicates: 31,
      failed: 0,
      files: 2,
      attached: 0,
      failures: [],
      cancelled: false,
      formats: { 'efficientai.observability.ingest': 30, 'cekura.transcript': 1 },
    });
    app = await startTestApp(app.dataDir);
  });

  it('says what is wrong with its arguments', () => {
    const run = spawnSync(process.execPath, [bin, 'import'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/import needs at least one PATH/);
  });
});
