import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postJson, startTestApp, TEST_API_KEY, type RunningTestApp } from '../support/temp-app';

const INGEST = '/api/v1/observability/calls';
const postman = readFileSync(new URL('../../resources/sample-calls/efficientai-appointment.json', import.meta.url), 'utf8');

let app: RunningTestApp;
beforeEach(async () => {
  app = await startTestApp();
  await postJson(app, INGEST, postman); // something already stored, that no rejection may touch
});
afterEach(async () => {
  await app.stop();
});

function storedCalls(): number {
  return (app.core.db.prepare('SELECT count(*) AS n FROM calls').get() as { n: number }).n;
}

async function errorOf(response: Response) {
  const body = await response.json();
  return { status: response.status, ...body.error };
}

describe('authentication', () => {
  it('refuses a request without the API key with 401', async () => {
    const response = await fetch(`${app.url}${INGEST}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: postman,
    });
    expect(await errorOf(response)).toMatchObject({ status: 401, code: 'unauthorized' });
    expect((await fetch(`${app.url}/api/v1/calls`)).status).toBe(401);
  });

  it.each([
    ['x-api-key', TEST_API_KEY],
    ['x-efficientai-api-key', TEST_API_KEY],
    ['x-cekura-api-key', TEST_API_KEY],
    ['authorization', `Bearer ${TEST_API_KEY}`],
  ])('accepts the key as %s', async (header, value) => {
    const response = await fetch(`${app.url}/api/v1/calls`, { headers: { [header]: value } });
    expect(response.status).toBe(200);
  });

  it('refuses a wrong key', async () => {
    const response = await fetch(`${app.url}/api/v1/calls`, { headers: { 'x-api-key': `${TEST_API_KEY}x` } });
    expect(response.status).toBe(401);
  });

  it('refuses requests addressed to a foreign host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: app.listener.port, path: '/api/v1/calls', headers: { host: 'evil.example:80', 'x-api-key': TEST_API_KEY } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('sends no CORS headers', async () => {
    const response = await app.api('/api/v1/calls', { headers: { origin: 'https://evil.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('bad input is refused with a clear error and stores nothing', () => {
  it('400 for a body that is not JSON', async () => {
    const error = await errorOf(await postJson(app, INGEST, '{"id": "x", '));
    expect(error).toMatchObject({ status: 400, code: 'invalid_json' });
    expect(error.message).toMatch(/not valid JSON/);
    expect(storedCalls()).toBe(1);
  });

  it('415 for a body that is not declared as JSON', async () => {
    const response = await app.api(INGEST, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: postman });
    expect(await errorOf(response)).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    expect(storedCalls()).toBe(1);
  });

  it('413 for a body over the limit, without reading all of it', async () => {
    const limit = app.core.config.bodyLimitBytes;
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: app.listener.port,
          path: INGEST,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': String(limit + 1), 'x-api-key': TEST_API_KEY },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', (error) => (error.message.includes('EPIPE') || error.message.includes('ECONNRESET') ? undefined : reject(error)));
      req.write('{"id": "too-big", "pad": "'); // the listener answers on the declared length alone
    });
    expect(status).toBe(413);
    expect(storedCalls()).toBe(1);
  });

  it('422 naming every bad field path', async () => {
    const payload = { messages: [{ role: 'bot', content: 'hi' }, { role: 'narrator', content: 5 }], startedAt: 'yesterday' };
    const error = await errorOf(await postJson(app, INGEST, payload));
    expect(error.status).toBe(422);
    const paths = error.fields.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(['id', 'messages.1.content', 'startedAt']);
    expect(storedCalls()).toBe(1);
  });

  it('an unknown speaker role never sinks the call: the turn is kept with its own role name', async () => {
    const payload = { id: 'roles', messages: [{ role: 'bot', content: 'Hello' }, { role: 'narrator', content: 'once upon a time' }] };
    const response = await postJson(app, INGEST, payload);
    expect(response.status).toBe(201);
    const transcript = await (await app.api('/api/v1/calls/roles/transcript')).json();
    expect(transcript.map((t: { role: string; raw_role?: string; content: string }) => [t.role, t.raw_role, t.content])).toEqual([
      ['assistant', undefined, 'Hello'],
      ['narrator', 'narrator', 'once upon a time'],
    ]);
  });

  it('422 for JSON nested deeper than 256 levels, and keeps serving', async () => {
    const deep = `{"id":"deep","metadata":${'['.repeat(300)}${']'.repeat(300)}}`;
    const error = await errorOf(await postJson(app, INGEST, deep));
    expect(error).toMatchObject({ status: 422, code: 'invalid_payload' });
    expect(error.message).toMatch(/256/);
    const abusive = `{"a":${'['.repeat(200_000)}`;
    expect((await postJson(app, INGEST, abusive)).status).toBe(422);
    expect((await app.api('/api/v1/calls')).status).toBe(200);
    expect(storedCalls()).toBe(1);
  });

  it('404 as JSON for an unknown call and an unknown route', async () => {
    expect(await errorOf(await app.api('/api/v1/calls/nope'))).toMatchObject({ status: 404, code: 'not_found' });
    expect(await errorOf(await app.api('/api/v9/nothing'))).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('422 for paging out of range', async () => {
    const error = await errorOf(await app.api('/api/v1/calls?page_size=1000'));
    expect(error).toMatchObject({ status: 422, fields: [{ path: 'page_size' }] });
  });
});
