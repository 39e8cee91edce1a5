import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/main/http/routes/ui';
import { startTestApp, TEST_API_KEY, type RunningTestApp } from '../support/temp-app';

/** Issue 17 item 10: `/index.html` used to come without the CSP that `/` carries. */
let app: RunningTestApp;
beforeEach(async () => {
  app = await startTestApp(undefined, { withUi: true });
});
afterEach(async () => {
  await app.stop();
});

describe('the Content-Security-Policy', () => {
  it.each(['/', '/index.html', '/openapi.json', '/api/v1/calls', '/no/such/route', '/rpc/listCalls'])('is sent with %s', async (path) => {
    const response = await fetch(`${app.url}${path}`, { headers: { 'x-api-key': TEST_API_KEY } });
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('/index.html is the same page as /', async () => {
    const root = await fetch(`${app.url}/`);
    const index = await fetch(`${app.url}/index.html`);
    expect(index.status).toBe(200);
    expect(await index.text()).toBe(await root.text());
  });
});
