import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFacts, loadCorpus } from '../support/corpus';
import { callFromApi, corpusSecrets, nativeRoute, signedAt, turnsFromApi } from '../support/corpus-routes';
import { startTestApp, tempDir, TEST_API_KEY, type RunningTestApp } from '../support/temp-app';
import { importPaths } from '../../src/main/import/import-files';
import { getCall } from '../../src/main/store/calls';
import { listTurns } from '../../src/main/store/turns';

const corpus = loadCorpus();
let clock = Date.now();
let app: RunningTestApp;

beforeAll(async () => {
  app = await startTestApp(undefined, { env: corpusSecrets, now: () => clock });
});
afterAll(async () => {
  await app.stop();
});

function send(path: string, bytes: Buffer, headers: Record<string, string>) {
  return fetch(`${app.url}${path}`, { method: 'POST', headers, body: bytes });
}

function countCalls(): number {
  return (app.core.db.prepare('SELECT count(*) AS n FROM calls').get() as { n: number }).n;
}

describe('every corpus payload through its native listener route', () => {
  it('covers every provider of the corpus', () => {
    expect(new Set(corpus.map((c) => c.provider))).toEqual(
      new Set(['bland', 'cekura', 'deepgram', 'efficientai', 'elevenlabs', 'livekit', 'pipecat', 'retell', 'vapi', 'wrapped']),
    );
  });

  it.each(corpus.map((c) => [c.name, c] as const))('%s', async (_name, corpusCase) => {
    clock = signedAt(corpusCase) ?? Date.now();
    const route = nativeRoute(corpusCase);
    const signed = corpusCase.headers?.headers ?? {};
    const headers = { ...(signed['Content-Type'] ? {} : { 'content-type': 'application/json' }), ...signed, 'x-api-key': TEST_API_KEY };
    const before = countCalls();
    const response = await send(route, corpusCase.bytes, headers);
    const body = await response.json();
    if (!corpusCase.expected.accept) {
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(body.error.message).toMatch(/error envelope|not a call/i);
      expect(countCalls()).toBe(before);
      return;
    }
    expect([200, 201], JSON.stringify(body)).toContain(response.status);
    const list = await (await app.api(`/api/v1/calls?q=${encodeURIComponent(corpusCase.expected.external_call_id ?? '')}&provider=${corpusCase.expected.provider}&page_size=100`)).json();
    const ref = corpusCase.expected.external_call_id ?? body.results?.[0]?.short_id ?? body.call_short_id ?? body.short_id;
    const detail = await (await app.api(`/api/v1/calls/${encodeURIComponent(corpusCase.expected.external_call_id ? list.items[0]?.id : ref)}`)).json();
    const transcript = await (await app.api(`/api/v1/calls/${detail.id}/transcript`)).json();
    expectFacts(callFromApi(detail), turnsFromApi(transcript), corpusCase.expected);
  });
});

describe('every corpus payload through the file importer', () => {
  it('imports the payload files of the corpus and stores every expected fact', async () => {
    const dir = tempDir('callscope-corpus-import-');
    try {
      for (const corpusCase of corpus) {
        mkdirSync(join(dir.path, corpusCase.provider), { recursive: true });
        copyFileSync(corpusCase.file, join(dir.path, `${corpusCase.name}.json`));
      }
      const fresh = await startTestApp();
      try {
        const summary = await importPaths(fresh.core, [dir.path]);
        const rejected = corpus.filter((c) => !c.expected.accept);
        expect(summary.failed, JSON.stringify(summary.failures)).toBe(rejected.length);
        expect(summary.imported).toBe(corpus.length - rejected.length);
        for (const failure of summary.failures) expect(failure.message).toMatch(/error envelope|not a call/i);
        for (const corpusCase of corpus.filter((c) => c.expected.accept)) {
          const source = `${corpusCase.name.split('/')[1]}.json`;
          const row = fresh.core.db
            .prepare('SELECT c.id FROM calls c JOIN call_payloads p ON p.call_id = c.id WHERE p.sha256 = ?')
            .get(createHash('sha256').update(corpusCase.bytes).digest('hex')) as { id: number } | undefined;
          expect(row, `${corpusCase.name} (${source}) was not stored`).toBeDefined();
          const call = getCall(fresh.core.db, row?.id ?? -1);
          if (!call) throw new Error(`${corpusCase.name} has no stored call`);
          expectFacts(call, listTurns(fresh.core.db, row?.id ?? -1), corpusCase.expected);
        }
        const again = await importPaths(fresh.core, [dir.path]);
        expect(again.imported).toBe(0);
        expect(again.duplicates).toBe(corpus.length - corpus.filter((c) => !c.expected.accept).length);
      } finally {
        await fresh.stop();
      }
    } finally {
      dir.remove();
    }
  });
});
