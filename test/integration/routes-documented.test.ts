import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type RunningTestApp } from '../support/temp-app';

/**
 * `/openapi.json` is the listener's public map: every route fastify registers is in it, and every
 * route in it is registered. A registered `:param` segment stands for any value (so the one
 * `/webhooks/:provider` route serves each documented `/webhooks/<name>`); a documented `{param}`
 * segment needs a registered `:param` in its place.
 */

/** Registered on purpose without a line in the document, each with why. */
const undocumented: { method: string; url: string; why: string }[] = [
  { method: 'GET', url: '/openapi.json', why: 'the document itself' },
  { method: 'GET', url: '/', why: "serve mode's UI page (and the ?token= sign-in), not an API" },
  { method: 'GET', url: '/*', why: "serve mode's static UI files (@fastify/static)" },
];

interface Route {
  method: string;
  path: string;
}

function matches(registered: string, documented: string): boolean {
  const ours = registered.split('/');
  const theirs = documented.split('/');
  return (
    ours.length === theirs.length &&
    ours.every((segment, i) => {
      const other = theirs[i] ?? '';
      if (segment.startsWith(':')) return true;
      return !other.startsWith('{') && segment === other;
    })
  );
}

const label = (route: Route) => `${route.method} ${route.path}`;

let app: RunningTestApp;
let registered: Route[];
let documented: Route[];

beforeAll(async () => {
  app = await startTestApp(undefined, { withUi: true });
  registered = app.listener
    .routes()
    // fastify adds a HEAD twin to every GET route by itself
    .filter((route) => route.method !== 'HEAD')
    .map((route) => ({ method: route.method, path: route.url }));
  const document = (await (await fetch(`${app.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  documented = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })));
});

afterAll(async () => {
  await app.stop();
});

describe('the registered routes and /openapi.json', () => {
  it('registers the routes it is expected to (the list is read, not empty)', () => {
    expect(registered.map(label)).toEqual(expect.arrayContaining(['GET /api/v1/calls', 'POST /rpc/:method', 'GET /*']));
  });

  it('documents every registered route, but the listed exceptions', () => {
    const exempt = (route: Route) => undocumented.some((e) => e.method === route.method && e.url === route.path);
    const missing = registered.filter((route) => !exempt(route) && !documented.some((doc) => doc.method === route.method && matches(route.path, doc.path)));
    expect(missing.map(label)).toEqual([]);
  });

  it('registers every documented route', () => {
    const absent = documented.filter((doc) => !registered.some((route) => route.method === doc.method && matches(route.path, doc.path)));
    expect(absent.map(label)).toEqual([]);
  });

  it('lists only exceptions that are registered', () => {
    const stale = undocumented.filter((e) => !registered.some((route) => route.method === e.method && route.path === e.url));
    expect(stale).toEqual([]);
  });
});
