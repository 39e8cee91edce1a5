import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServe, type RunningServe } from '../../src/main/serve';
import { stubRenderer, tempDir } from '../support/temp-app';

/**
 * The data folder holds every call, the API key and the webhook secrets (issue 17 item 10): it is
 * created 0700 and its database, WAL, SHM and config 0600, whatever the umask (tests run under 022).
 */
let parent: ReturnType<typeof tempDir>;
let renderer: ReturnType<typeof stubRenderer>;
let running: RunningServe | null = null;
let savedKey: string | undefined;

beforeEach(() => {
  parent = tempDir();
  renderer = stubRenderer();
  // No key in the environment: serve generates one and writes config.json, as on a first start.
  savedKey = process.env.CALLSCOPE_API_KEY;
  delete process.env.CALLSCOPE_API_KEY;
});
afterEach(async () => {
  await running?.stop();
  running = null;
  if (savedKey !== undefined) process.env.CALLSCOPE_API_KEY = savedKey;
  parent.remove();
  renderer.remove();
});

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

async function serveAndIngest(dataDir: string) {
  running = await startServe({ host: '127.0.0.1', port: 0, dataDir, rendererDir: renderer.path });
  const response = await fetch(`${running.listener.url}/api/v1/observability/calls`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': running.core.config.apiKey },
    body: JSON.stringify({ id: 'private-1', messages: [{ role: 'bot', content: 'Hello' }] }),
  });
  expect(response.status).toBe(201);
}

function expectPrivate(dataDir: string) {
  expect(modeOf(dataDir)).toBe('700');
  expect(modeOf(join(dataDir, 'media'))).toBe('700');
  for (const name of ['callscope.db', 'callscope.db-wal', 'callscope.db-shm', 'config.json']) {
    expect(existsSync(join(dataDir, name)), name).toBe(true);
    expect(`${name} ${modeOf(join(dataDir, name))}`).toBe(`${name} 600`);
  }
}

describe('data folder permissions', () => {
  it('a fresh data folder is 0700 and its database, WAL, SHM and config 0600 after serve and one ingest', async () => {
    const dataDir = join(parent.path, 'nested', 'calls');
    await serveAndIngest(dataDir);
    expectPrivate(dataDir);
    expect(modeOf(join(parent.path, 'nested'))).toBe('700');
  });

  it('tightens the files an earlier version left world-readable', async () => {
    const dataDir = join(parent.path, 'old');
    mkdirSync(join(dataDir, 'media'), { recursive: true, mode: 0o755 });
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ api_key: 'cs_an-old-key-0123456789' }), { mode: 0o644 });
    writeFileSync(join(dataDir, 'callscope.db'), '', { mode: 0o644 });
    chmodSync(dataDir, 0o755);
    await serveAndIngest(dataDir);
    expectPrivate(dataDir);
  });

  it('leaves a folder that is not yet a Callscope folder as the user set it, but keeps its own files private', async () => {
    const dataDir = join(parent.path, 'documents');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    await serveAndIngest(dataDir);
    expect(modeOf(dataDir)).toBe('755');
    expect(modeOf(join(dataDir, 'callscope.db'))).toBe('600');
    expect(modeOf(join(dataDir, 'config.json'))).toBe('600');
    expect(modeOf(join(dataDir, 'media'))).toBe('700');
  });
});
