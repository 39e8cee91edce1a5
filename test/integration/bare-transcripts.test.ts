import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPaths } from '../../src/main/import/import-files';
import { importText } from '../../src/main/import/import-text';
import { getCall } from '../../src/main/store/calls';
import { listTurns } from '../../src/main/store/turns';
import { bareTranscripts } from '../support/bare-transcripts';
import { startTestApp, tempDir, type RunningTestApp } from '../support/temp-app';

let app: RunningTestApp;
let files: ReturnType<typeof tempDir>;

beforeEach(async () => {
  app = await startTestApp();
  files = tempDir('callscope-bare-transcripts-');
});
afterEach(async () => {
  await app.stop();
  files.remove();
});

function onlyCall() {
  const rows = app.core.db.prepare('SELECT id FROM calls').all() as { id: number }[];
  expect(rows).toHaveLength(1);
  const call = getCall(app.core.db, rows[0]?.id ?? -1);
  if (!call) throw new Error('no call stored');
  return { call, turns: listTurns(app.core.db, call.id) };
}

describe('a bare transcript dropped as a file is one call named after the file', () => {
  it.each(bareTranscripts.map((t) => [t.type, t] as const))('%s', async (type, transcript) => {
    const name = `support-${type}.json`;
    writeFileSync(join(files.path, name), JSON.stringify(transcript.rows, null, 2));
    const summary = await importPaths(app.core, [files.path]);
    expect(summary.failures).toEqual([]);
    expect(summary).toMatchObject({ imported: 1, failed: 0, formats: { [`${type}.transcript`]: 1 } });
    const { call, turns } = onlyCall();
    expect(call).toMatchObject({ provider: transcript.provider, source_format: `${type}.transcript`, extra: { source_name: name } });
    expect(call.external_id).toMatch(/^sha256:/);
    expect(turns.map((t) => t.role)).toEqual(transcript.roles);
    // the same file again changes nothing
    expect(await importPaths(app.core, [files.path])).toMatchObject({ imported: 0, duplicates: 1 });
  });
});

describe('a bare transcript posted alone is one call named after ?source=', () => {
  it.each(bareTranscripts.map((t) => [t.type, t] as const))('%s', async (type, transcript) => {
    const response = await app.api(`/api/v1/import?source=${encodeURIComponent(`from-${type}.json`)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(transcript.rows),
    });
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(201);
    expect(body).toMatchObject({ imported: 1, failed: 0, formats: { [`${type}.transcript`]: 1 } });
    expect(body.results).toEqual([expect.objectContaining({ ok: true, provider: transcript.provider, source_format: `${type}.transcript` })]);
    const detail = await (await app.api(`/api/v1/calls/${body.results[0].short_id}`)).json();
    expect(detail.extra).toMatchObject({ source_name: `from-${type}.json` });
    const { turns } = onlyCall();
    expect(turns.map((t) => t.role)).toEqual(transcript.roles);
  });

  it('without ?source= it is still one call, with no name', async () => {
    const response = await app.api('/api/v1/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bareTranscripts[0]?.rows) });
    expect(response.status).toBe(201);
    expect(onlyCall().call.extra?.source_name).toBeUndefined();
  });

  it('in the browser import (a dropped file read as text) too', async () => {
    const summary = await importText(app.core, 'pasted.json', JSON.stringify(bareTranscripts[1]?.rows));
    expect(summary).toMatchObject({ imported: 1, formats: { 'retell.transcript': 1 } });
    expect(onlyCall().call.extra).toMatchObject({ source_name: 'pasted.json' });
  });
});
