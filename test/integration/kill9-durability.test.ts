import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { scaledShapes } from '../support/scaled-payloads';
import { tempDir } from '../support/temp-app';

/**
 * Issue 17 must-show: one round of kill -9. `callscope serve` runs as a child process on a temp
 * data dir; several clients post calls at once (three routes); the server is killed with SIGKILL
 * in mid-stream, started again on the same folder, and every call it had acknowledged (2xx) must
 * be there, with `PRAGMA integrity_check` ok. A 2xx means "on disk" (WAL, synchronous=FULL).
 */
const bin = join(__dirname, '../../bin/callscope');
const API_KEY = 'kill9-test-key-0123456789';
const CLIENTS = 8;
const KILL_AFTER_ACKS = 240;

const dir = tempDir('callscope-kill9-');
afterAll(() => dir.remove());

interface Server {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

async function startServer(): Promise<Server> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dir.path], {
    env: { ...process.env, CALLSCOPE_API_KEY: API_KEY },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listener:\s+(http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`callscope serve exited with ${code}:\n${output}`)));
  });
  return { child, url, exited };
}

const efficientAi = scaledShapes.find((s) => s.provider === 'efficientai');
const retell = scaledShapes.find((s) => s.provider === 'retell');
if (!efficientAi || !retell) throw new Error('missing a scaled shape');

/** The i-th call of a client: its route, body and the external id to look it up by. */
function callFor(client: number, i: number): { route: string; body: unknown; externalId: string } {
  const externalId = `k9-${client}-${i}`;
  switch (i % 3) {
    case 0:
      return { route: '/api/v1/observability/calls', body: { ...(efficientAi?.build(6) as object), id: externalId }, externalId };
    case 1: {
      const event = retell?.build(3) as { event: string; call: object };
      return { route: '/webhooks/retell', body: { ...event, call: { ...event.call, call_id: externalId } }, externalId };
    }
    default:
      return { route: '/api/v1/import', body: [{ ...(efficientAi?.build(4) as object), id: externalId }], externalId };
  }
}

describe('kill -9 in mid-stream', () => {
  it('keeps every acknowledged call, and the store stays sound', { timeout: 120_000 }, async () => {
    const first = await startServer();
    const acknowledged: string[] = [];
    const serverErrors: string[] = [];
    let killed = false;
    const client = async (n: number) => {
      for (let i = 0; ; i++) {
        const { route, body, externalId } = callFor(n, i);
        let response: Response;
        try {
          response = await fetch(`${first.url}${route}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
            body: JSON.stringify(body),
          });
          await response.arrayBuffer();
        } catch {
          return; // the server is gone: this call was never acknowledged
        }
        if (response.status >= 500) serverErrors.push(`${route} ${response.status}`);
        if (response.ok) acknowledged.push(externalId);
        if (!killed && acknowledged.length >= KILL_AFTER_ACKS) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
    expect(killed).toBe(true);
    await first.exited;

    const second = await startServer();
    const lost: string[] = [];
    for (let from = 0; from < acknowledged.length; from += 32) {
      await Promise.all(
        acknowledged.slice(from, from + 32).map(async (id) => {
          const response = await fetch(`${second.url}/api/v1/calls/${id}`, { headers: { 'x-api-key': API_KEY } });
          await response.arrayBuffer();
          if (response.status !== 200) lost.push(id);
        }),
      );
    }
    second.child.kill('SIGTERM');
    await second.exited;

    const db = new Database(join(dir.path, 'callscope.db'), { readonly: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    const stored = (db.prepare('SELECT count(*) AS n FROM calls').get() as { n: number }).n;
    db.close();
    console.info(`kill -9: ${acknowledged.length} acknowledged, ${lost.length} lost, ${stored} stored, ${serverErrors.length} 5xx, integrity_check ${String(integrity)}`);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(lost).toEqual([]);
    expect(serverErrors).toEqual([]);
    expect(integrity).toBe('ok');
  });
});
