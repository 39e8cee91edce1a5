import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPaths } from '../../src/main/import/import-files';
import { importText } from '../../src/main/import/import-text';
import { startTestApp, tempDir, type RunningTestApp } from '../support/temp-app';

let app: RunningTestApp;
let files: ReturnType<typeof tempDir>;
beforeEach(async () => {
  app = await startTestApp();
  files = tempDir('callscope-lenient-json-');
});
afterEach(async () => {
  await app.stop();
  files.remove();
});

/** A call as docs publish it: a `//` comment and a trailing comma. */
const published = `{
  "id": "docs-example", // the call id
  "provider_platform": "vapi",
  "messages": [
    {"role": "bot", "content": "Hello from the docs"},
  ],
}`;

describe('files that are not quite JSON', () => {
  it('a dropped file with comments and trailing commas imports', async () => {
    writeFileSync(join(files.path, 'example.json'), published);
    const summary = await importPaths(app.core, [files.path]);
    expect(summary.failures).toEqual([]);
    expect(summary).toMatchObject({ imported: 1, failed: 0 });
    expect(await importText(app.core, 'example.json', published)).toMatchObject({ duplicates: 1, failed: 0 });
  });

  it('a dropped file that is no JSON at all fails saying where and what', async () => {
    writeFileSync(join(files.path, 'broken.json'), '{\n  "id": "x",\n  "messages": [}\n');
    writeFileSync(join(files.path, 'lines.jsonl'), '{"id": "ok", "provider_platform": "vapi", "messages": []}\n{"id": \n');
    const summary = await importPaths(app.core, [files.path]);
    expect(summary.failures).toEqual([
      { source: join(files.path, 'broken.json'), message: "not valid JSON at line 3, column 16: invalid character '}'" },
      { source: 'lines.jsonl:2', message: 'not valid JSON at column 8: invalid end of input' },
    ]);
  });

  it('the listener stays strict: a body with a comment is a 400 on the import and webhook routes', async () => {
    for (const route of ['/api/v1/import', '/api/v1/observability/calls', '/webhooks/vapi']) {
      const response = await app.api(route, { method: 'POST', headers: { 'content-type': 'application/json' }, body: published });
      expect(response.status, route).toBe(400);
    }
  });
});
