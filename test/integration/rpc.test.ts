import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type AppCore } from '../../src/main/app';
import { startListener, type Listener } from '../../src/main/http/server';
import { TEST_API_KEY, TEST_UI_TOKEN, tempDir } from '../support/temp-app';

let dir: ReturnType<typeof tempDir>;
let core: AppCore;
let listener: Listener;

beforeEach(async () => {
  process.env.CALLSCOPE_API_KEY = TEST_API_KEY;
  dir = tempDir();
  const rendererDir = join(dir.path, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Callscope</title>');
  core = openApp({ dataDir: join(dir.path, 'data') });
  listener = await startListener({ core, port: 0, ui: { rendererDir, token: TEST_UI_TOKEN } });
});
afterEach(async () => {
  await listener.close();
  core.close();
  dir.remove();
});

function rpc(method: string, input: unknown, token = TEST_UI_TOKEN) {
  return fetch(`${listener.url}/rpc/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
}

async function ingestOne(id: string) {
  return fetch(`${listener.url}/api/v1/observability/calls`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': TEST_API_KEY },
    body: JSON.stringify({ id, messages: [{ role: 'bot', content: 'Hello there' }] }),
  });
}

describe('HTTP RPC transport', () => {
  it('runs a contract method with defaults filled in', async () => {
    await ingestOne('rpc-1');
    const response = await rpc('listCalls', {});
    expect(response.status).toBe(200);
    const page = await response.json();
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({ external_id: 'rpc-1', turn_count: 1 });
    const detail = await (await rpc('getCall', { id: page.rows[0].id })).json();
    expect(detail.turns).toEqual([expect.objectContaining({ role: 'agent', text: 'Hello there', start_ms: null })]);
  });

  it('validates inputs and names the bad fields', async () => {
    const response = await rpc('listCalls', { limit: 100000, sort: { column: 'password', direction: 'up' } });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['limit', 'sort.column', 'sort.direction']);
  });

  it('refuses unknown methods and callers without the session', async () => {
    expect((await rpc('dropTables', {})).status).toBe(404);
    expect((await rpc('listCalls', {}, 'wrong-token')).status).toBe(401);
  });

  it('reports a missing call as 404', async () => {
    const response = await rpc('getCall', { id: 999 });
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
  });

  it('records a verdict and clears it', async () => {
    await ingestOne('rpc-verdict');
    const id = (await (await rpc('listCalls', {})).json()).rows[0].id;
    const marked = await (await rpc('setVerdict', { id, verdict: 'failure' })).json();
    expect(marked).toMatchObject({ id, verdict: 'failure' });
    expect(marked.reviewed_at).not.toBeNull();
    const failures = await (await rpc('listCalls', { filter: { verdict: 'failure' } })).json();
    expect(failures.total).toBe(1);
    const cleared = await (await rpc('setVerdict', { id, verdict: null })).json();
    expect(cleared).toEqual({ id, verdict: null, reviewed_at: null });
  });

  it('tells the UI where the listener is without the API key; only revealApiKey hands it out', async () => {
    const info = await (await rpc('getListenerInfo', {})).json();
    expect(info).toMatchObject({ url: listener.url, error: null, api_key_placeholder: '$CALLSCOPE_API_KEY' });
    expect(info).not.toHaveProperty('api_key');
    expect(JSON.stringify(info)).not.toContain(TEST_API_KEY);
    expect(info.curl_example).toContain(`${listener.url}/api/v1/observability/calls`);
    expect(info.curl_example).toContain('-H "X-API-KEY: $CALLSCOPE_API_KEY"');

    expect(await (await rpc('revealApiKey', {})).json()).toEqual({ api_key: TEST_API_KEY, source: 'env' });
    expect((await rpc('revealApiKey', {}, 'wrong-token')).status).toBe(401);
  });

  it('gives a curl command that works once the revealed key is put in', async () => {
    const info = await (await rpc('getListenerInfo', {})).json();
    const { api_key: key } = await (await rpc('revealApiKey', {})).json();
    const command: string = info.curl_example.replace(info.api_key_placeholder, key);
    const header = /-H "X-API-KEY: ([^"]+)"/.exec(command)?.[1];
    const data = /-d '(.*)'$/s.exec(command)?.[1];
    expect(header).toBe(TEST_API_KEY);
    expect(data).toBeDefined();
    const response = await fetch(`${listener.url}/api/v1/observability/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': header ?? '' },
      body: data,
    });
    expect(response.status).toBe(201);
  });
});

describe('server-sent events', () => {
  it('pushes calls.changed when a call arrives', async () => {
    const controller = new AbortController();
    const response = await fetch(`${listener.url}/rpc/events`, {
      headers: { authorization: `Bearer ${TEST_UI_TOKEN}` },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    const first = await reader.read(); // the stream is open once the first comment arrives
    received += decoder.decode(first.value);
    await ingestOne('sse-1');
    while (!received.includes('event: calls.changed')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      received += decoder.decode(chunk.value);
    }
    controller.abort();
    const data = /event: calls\.changed\ndata: (.*)\n/.exec(received)?.[1];
    expect(JSON.parse(data ?? 'null')).toMatchObject({ change: 'created', ids: [expect.any(Number)] });
  });

  it('exchanges the printed token for a session cookie', async () => {
    const response = await fetch(`${listener.url}/?token=${TEST_UI_TOKEN}`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const session = cookie.split(';')[0] ?? '';
    const list = await fetch(`${listener.url}/rpc/listCalls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session },
      body: '{}',
    });
    expect(list.status).toBe(200);
    const page = await fetch(`${listener.url}/`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
