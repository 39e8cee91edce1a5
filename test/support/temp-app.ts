import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type AppCore } from '../../src/main/app';
import { startListener, type Listener } from '../../src/main/http/server';

export const TEST_API_KEY = 'test-key-0123456789abcdef';
export const TEST_UI_TOKEN = 'test-ui-token-abcdef0123456789';

export function tempDir(prefix = 'callscope-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface RunningTestApp {
  dataDir: string;
  core: AppCore;
  listener: Listener;
  url: string;
  /** fetch against the listener with the API key. */
  api(path: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  /** environment set before the app reads its config (webhook secrets, ...). */
  env?: Record<string, string>;
  /** the clock webhook signatures are checked against. */
  now?: () => number;
  /** how long an upload may send nothing before it is answered 408. */
  uploadIdleTimeoutMs?: number;
  /** serve mode: a stub renderer and TEST_UI_TOKEN as the session token. */
  withUi?: boolean;
}

/** A renderer folder with only an index.html, for serve-mode tests. */
export function stubRenderer(): { path: string; remove(): void } {
  const renderer = tempDir('callscope-ui-');
  writeFileSync(join(renderer.path, 'index.html'), '<!doctype html><title>Callscope</title>');
  return renderer;
}

/** A real app on a real SQLite file and a real HTTP listener on port 0. */
export async function startTestApp(dataDir?: string, options: TestAppOptions = {}): Promise<RunningTestApp> {
  process.env.CALLSCOPE_API_KEY = TEST_API_KEY;
  const saved = Object.fromEntries(Object.keys(options.env ?? {}).map((key) => [key, process.env[key]]));
  Object.assign(process.env, options.env ?? {});
  const dir = dataDir ? { path: dataDir, remove: () => undefined } : tempDir();
  const core = openApp({ dataDir: dir.path });
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  const renderer = options.withUi ? stubRenderer() : null;
  const listener = await startListener({
    core,
    port: 0,
    ui: renderer ? { rendererDir: renderer.path, token: TEST_UI_TOKEN } : undefined,
    ...(options.now ? { now: options.now } : {}),
    ...(options.uploadIdleTimeoutMs ? { uploadIdleTimeoutMs: options.uploadIdleTimeoutMs } : {}),
  });
  return {
    dataDir: dir.path,
    core,
    listener,
    url: listener.url,
    api: (path, init = {}) =>
      fetch(`${listener.url}${path}`, {
        ...init,
        headers: { 'x-api-key': TEST_API_KEY, ...(init.headers ?? {}) },
      }),
    async stop() {
      await listener.close();
      core.close();
      if (!dataDir) dir.remove();
      renderer?.remove();
    },
  };
}

export function postJson(app: RunningTestApp, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return app.api(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
