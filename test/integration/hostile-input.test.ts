import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, TEST_API_KEY, type RunningTestApp } from '../support/temp-app';
import { formatRequest, rawRequest, type RawResponse } from '../support/raw-http';
import { multipartBody, TEST_BOUNDARY, type FormPart } from '../support/multipart';

/**
 * Bad input over real HTTP (issue 17 item 7): each of these used to be a 500 (or worse). All are
 * clear 4xx naming the problem, store nothing, and the listener keeps serving.
 */
const OBSERVE = '/observability/v1/observe/';

let app: RunningTestApp;
beforeEach(async () => {
  app = await startTestApp(undefined, { withUi: true });
});
afterEach(async () => {
  await app.stop();
});

const storedCalls = () => (app.core.db.prepare('SELECT count(*) AS n FROM calls').get() as { n: number }).n;
const host = () => `127.0.0.1:${app.listener.port}`;

function send(method: string, path: string, headers: Record<string, string>, body?: string | Buffer): Promise<RawResponse> {
  return rawRequest(app.listener.port, formatRequest({ method, path, headers: { Host: host(), ...headers }, ...(body === undefined ? {} : { body }) }));
}

function postMultipart(parts: FormPart[], contentType = `multipart/form-data; boundary=${TEST_BOUNDARY}`) {
  return send('POST', OBSERVE, { 'X-API-KEY': TEST_API_KEY, 'Content-Type': contentType }, multipartBody(parts));
}

function postForm(fields: [string, string][]) {
  return send('POST', OBSERVE, { 'X-API-KEY': TEST_API_KEY, 'Content-Type': 'application/x-www-form-urlencoded' }, new URLSearchParams(fields).toString());
}

const errorOf = (response: RawResponse) => ({ status: response.status, ...(JSON.parse(response.body) as { error: { code: string; message: string } }).error });
const deepJson = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const baseFields: [string, string][] = [
  ['call_id', 'hostile-1'],
  ['agent', '3'],
  ['transcript_type', 'none-mono'],
];

async function stillServing() {
  const response = await send('GET', '/api/v1/calls', { 'X-API-KEY': TEST_API_KEY });
  expect(response.status).toBe(200);
  expect(storedCalls()).toBe(0);
}

describe('JSON nested 10,000 deep inside form and multipart fields', () => {
  it.each(['metadata', 'transcript_json', 'dynamic_variables'])('multipart %s gets the depth check of JSON bodies', async (field) => {
    const response = await postMultipart([...baseFields.map(([name, content]) => ({ name, content })), { name: field, content: deepJson(10_000) }]);
    const error = errorOf(response);
    expect(error).toMatchObject({ status: 422, code: 'invalid_payload' });
    expect(error.message).toContain(field);
    expect(error.message).toMatch(/256/);
    await stillServing();
  });

  it.each(['metadata', 'transcript_json'])('form %s gets the depth check of JSON bodies', async (field) => {
    const error = errorOf(await postForm([...baseFields, [field, deepJson(10_000)]]));
    expect(error).toMatchObject({ status: 422, code: 'invalid_payload' });
    expect(error.message).toContain(field);
    expect(error.message).toMatch(/256/);
    await stillServing();
  });

  it('a JSON body carrying a 10,000-deep JSON string (tool arguments) is stored as text, not decoded into a stack overflow', async () => {
    const body = JSON.stringify({
      message: {
        type: 'end-of-call-report',
        call: { id: 'deep-tool-args' },
        artifact: {
          messages: [
            { role: 'bot', message: 'Let me check.', secondsFromStart: 0 },
            { role: 'tool_calls', secondsFromStart: 1, toolCalls: [{ id: 't1', function: { name: 'lookup', arguments: deepJson(10_000) } }] },
          ],
        },
      },
    });
    const response = await send('POST', '/api/v1/import', { 'X-API-KEY': TEST_API_KEY, 'Content-Type': 'application/json' }, body);
    expect(response.status).toBeLessThan(300);
    const detail = await send('GET', '/api/v1/calls/deep-tool-args/transcript', { 'X-API-KEY': TEST_API_KEY });
    expect(detail.status).toBe(200);
  });
});

describe('hostile form shapes', () => {
  it('a multipart field named __proto__ is a 400', async () => {
    const error = errorOf(await postMultipart([{ name: 'call_id', content: 'x' }, { name: '__proto__', content: '{"polluted":true}' }]));
    expect(error).toMatchObject({ status: 400, code: 'bad_request' });
    expect(error.message).toContain('__proto__');
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
    await stillServing();
  });

  it('a form field named __proto__ or constructor is a 400', async () => {
    expect(errorOf(await postForm([...baseFields, ['__proto__', 'x']]))).toMatchObject({ status: 400, code: 'bad_request' });
    expect(errorOf(await postForm([...baseFields, ['constructor', 'x']]))).toMatchObject({ status: 400, code: 'bad_request' });
    await stillServing();
  });

  it('65 multipart fields are refused with 413', async () => {
    const parts = Array.from({ length: 65 }, (_, i) => ({ name: `field_${i}`, content: 'x' }));
    const error = errorOf(await postMultipart(parts));
    expect(error).toMatchObject({ status: 413, code: 'payload_too_large' });
    expect(error.message).toMatch(/64/);
    await stillServing();
  });

  it('65 form fields are refused with 413', async () => {
    const fields = Array.from({ length: 65 }, (_, i): [string, string] => [`field_${i}`, 'x']);
    expect(errorOf(await postForm(fields))).toMatchObject({ status: 413, code: 'payload_too_large' });
    await stillServing();
  });

  it('multipart without a boundary is a 400 naming it', async () => {
    const error = errorOf(await postMultipart([{ name: 'call_id', content: 'x' }], 'multipart/form-data'));
    expect(error).toMatchObject({ status: 400, code: 'bad_request' });
    expect(error.message).toMatch(/boundary/);
    await stillServing();
  });

  it('a multipart body that is not multipart is a 400', async () => {
    const response = await send('POST', OBSERVE, { 'X-API-KEY': TEST_API_KEY, 'Content-Type': `multipart/form-data; boundary=${TEST_BOUNDARY}` }, 'this is not a form');
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    await stillServing();
  });
});

describe('hostile requests to the UI', () => {
  it('a malformed session cookie is a 401, not a 500', async () => {
    for (const cookie of ['callscope_session=%E0%A4%A', 'callscope_session=%', 'callscope_session']) {
      const response = await send('POST', '/rpc/listCalls', { Cookie: cookie, Origin: `http://${host()}`, 'Content-Type': 'application/json' }, '{}');
      expect(errorOf(response)).toMatchObject({ status: 401, code: 'unauthorized' });
      expect((await send('GET', '/media/calls/1/peaks', { Cookie: cookie })).status).toBe(401);
    }
  });

  it.each(['/assets/../../../../etc/passwd', '/../../../../etc/passwd', '/assets/..%2f..%2f..%2f..%2fetc%2fpasswd', '/assets/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/assets/....//....//etc/passwd'])(
    '%s sent as a raw path is a 400 or 404, never the file',
    async (path) => {
      const response = await send('GET', path, {});
      expect([400, 403, 404]).toContain(response.status);
      expect(response.body).not.toMatch(/root:/);
    },
  );
});
