import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StorageStatus } from '../../src/core/api/types';
import { DISK_FULL_MESSAGE } from '../../src/main/store/disk-full';
import { scaledShapes } from '../support/scaled-payloads';
import { postJson, startTestApp, type RunningTestApp } from '../support/temp-app';

/**
 * Issue 17 item 8: a full disk, for real. SQLite's `max_page_count` caps the store at its current
 * size (a tmpfs needs root), so every write that needs a new page fails with SQLITE_FULL, as on a
 * full disk. The listener answers 507 with a plain message, logs it once a minute rather than a
 * stack per request, tells the UI, keeps every call it acknowledged, and takes calls again as soon
 * as there is room.
 */
let app: RunningTestApp;
const statusEvents: StorageStatus[] = [];
const logged: string[] = [];

beforeAll(async () => {
  app = await startTestApp();
  app.core.events.subscribe((name, payload) => {
    if (name === 'storage.changed') statusEvents.push(payload as StorageStatus);
  });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await app.stop();
});

const efficientAi = scaledShapes.find((s) => s.provider === 'efficientai');
if (!efficientAi) throw new Error('no EfficientAI shape');
const call = (id: string, turns: number) => ({ ...(efficientAi.build(turns) as object), id });

async function storageStatus(): Promise<StorageStatus> {
  const response = await postJson(app, '/rpc/getStorageStatus', {});
  expect(response.status).toBe(200);
  return response.json();
}

const pragma = (sql: string) => app.core.db.pragma(sql, { simple: true });

describe('disk full', () => {
  const acknowledged: string[] = [];

  it('stores calls while there is room', async () => {
    for (let i = 0; i < 5; i++) {
      const response = await postJson(app, '/api/v1/observability/calls', call(`kept-${i}`, 20));
      expect(response.status).toBe(201);
      acknowledged.push(`kept-${i}`);
    }
    expect((await storageStatus()).disk_full).toBe(false);
  });

  it('answers 507 "the disk holding the data folder is full", logged once, not a stack per request', async () => {
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}\n${a.stack}` : String(a))).join(' '));
    });
    pragma(`max_page_count = ${Number(pragma('page_count'))}`);
    for (let i = 0; i < 20; i++) {
      const response = await postJson(app, '/api/v1/observability/calls', call(`refused-${i}`, 400));
      const body = await response.json();
      expect(response.status).toBe(507);
      expect(body.error.code).toBe('insufficient_storage');
      expect(body.error.message).toContain(DISK_FULL_MESSAGE);
    }
    expect(logged.filter((line) => line.includes(DISK_FULL_MESSAGE))).toHaveLength(1);
    expect(logged.some((line) => line.includes('SqliteError') || /\n\s+at /.test(line))).toBe(false);
  });

  it('tells the UI (status and event) and answers the import route the same way, without SQLite\'s words', async () => {
    const status = await storageStatus();
    expect(status).toMatchObject({ disk_full: true });
    expect(status.message).toContain(DISK_FULL_MESSAGE);
    expect(statusEvents.at(-1)?.disk_full).toBe(true);

    for (const body of [call('import-one', 400), [call('import-a', 400), call('import-b', 400)]]) {
      const response = await postJson(app, '/api/v1/import', body);
      const text = await response.text();
      expect(response.status).toBe(507);
      expect(text).toContain(DISK_FULL_MESSAGE);
      expect(text).not.toMatch(/database or disk is full|sqlite/i);
    }
  });

  it('keeps every acknowledged call, and the store stays sound', async () => {
    expect(acknowledged).toHaveLength(5);
    for (const id of acknowledged) expect((await app.api(`/api/v1/calls/${id}`)).status).toBe(200);
    expect((await app.api('/api/v1/calls/refused-0')).status).toBe(404);
    expect(pragma('integrity_check')).toBe('ok');
  });

  it('takes calls again by itself once there is room, and says so', async () => {
    pragma('max_page_count = 1073741823');
    const response = await postJson(app, '/api/v1/observability/calls', call('after-room', 400));
    expect(response.status).toBe(201);
    expect(await storageStatus()).toEqual({ disk_full: false, since: null, message: null });
    expect(statusEvents.at(-1)?.disk_full).toBe(false);
    expect((await postJson(app, '/api/v1/import', call('import-after', 40))).status).toBe(201);
  });
});

describe('the import route never answers with SQLite\'s own error text', () => {
  it('says "could not be stored" when SQLite refuses a write for another reason', async () => {
    pragma('query_only = 1');
    try {
      const response = await postJson(app, '/api/v1/import', [call('readonly-a', 3), call('readonly-b', 3)]);
      const text = await response.text();
      expect(text).toContain('could not be stored');
      expect(text).not.toMatch(/readonly|attempt to write|sqlite/i);
      const single = await postJson(app, '/api/v1/import', call('readonly-c', 3));
      expect(single.status).toBe(500);
      expect(await single.text()).not.toMatch(/readonly|attempt to write|sqlite/i);
    } finally {
      pragma('query_only = 0');
    }
  });
});
