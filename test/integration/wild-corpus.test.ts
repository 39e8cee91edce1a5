import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Turn } from '../../src/core/model/call';
import { importPaths } from '../../src/main/import/import-files';
import { getCall } from '../../src/main/store/calls';
import { listTurns } from '../../src/main/store/turns';
import { callFromApi, turnsFromApi } from '../support/corpus-routes';
import { startTestApp, type RunningTestApp } from '../support/temp-app';

/**
 * The wild corpus: payloads published by others (docs examples, SDK fixtures, webhooks captured by
 * receiving servers), each with its `.expected.json`; `SOURCES.md` says where each comes from. It
 * is reference data that stays OUTSIDE the repository (never copy it in): this is the one suite
 * allowed to read `../shared`. Where it is: $CALLSCOPE_WILD_CORPUS, else `../shared/corpus/wild`
 * beside the repository (the main checkout, CI), else two levels up (a worktree under `wt/`).
 *
 * Counting rule for tools (not the dev corpus's): in the wild expected files each tool call and
 * each tool result is its own `tool` entry of `role_sequence`, where Callscope (like the dev
 * corpus) merges a result into its call's turn. So a stored tool turn counts as two entries when it
 * holds a result, one when it does not; spoken turns (agent, user, and any other speaker) are
 * compared exactly, in order, with their own roles.
 */
const repo = join(__dirname, '../..');
const candidates = [process.env.CALLSCOPE_WILD_CORPUS, join(repo, '../shared/corpus/wild'), join(repo, '../../shared/corpus/wild')].filter(
  (path): path is string => typeof path === 'string' && path.length > 0,
);
const wildRoot = candidates.find((path) => existsSync(join(path, 'SOURCES.md')));

interface WildExpected {
  accept: boolean;
  provider: string;
  source_format: string;
  external_call_id: string | null;
  agent_id: string | null;
  started_at: string | null;
  ended_at: string | null;
  duration_seconds: number | null;
  end_reason: string | null;
  recording_url: string | null;
  stereo_recording_url: string | null;
  num_turns: number;
  role_sequence: string[];
  first_agent_text: string | null;
  notes: string;
}

interface WildCase {
  /** `vapi/lumin-eocr-2024-03-fr-short` */
  name: string;
  file: string;
  bytes: Buffer;
  expected: WildExpected;
}

function loadWild(root: string): WildCase[] {
  return readdirSync(root)
    .filter((dir) => statSync(join(root, dir)).isDirectory())
    .sort()
    .flatMap((dir) =>
      readdirSync(join(root, dir))
        .filter((file) => file.endsWith('.json') && !file.endsWith('.expected.json'))
        .sort()
        .map((file) => {
          const path = join(root, dir, file);
          return {
            name: `${dir}/${file.replace(/\.json$/, '')}`,
            file: path,
            bytes: readFileSync(path),
            expected: JSON.parse(readFileSync(path.replace(/\.json$/, '.expected.json'), 'utf8')) as WildExpected,
          };
        }),
    );
}

/** The wild files' role sequence: a tool turn holding its result is two entries (call, result). */
function wildRoleSequence(turns: readonly Turn[]): string[] {
  return turns.flatMap((turn) => (turn.role === 'tool' ? (hasResult(turn) ? ['tool', 'tool'] : ['tool']) : [turn.role]));
}

function hasResult(turn: Turn): boolean {
  return turn.tool !== null && turn.tool.result !== null && turn.tool.result !== undefined;
}

type StoredFacts = ReturnType<typeof callFromApi>;

/**
 * Where a wild file follows another convention than Callscope's own (the dev corpus's, tested in
 * `corpus-listener.test.ts`), both cannot hold: the product's rule is checked instead, computed from
 * the payload here, so the fact is still compared and can still fail.
 */
interface ProductConvention {
  fact: 'agent_id' | 'ended_at' | 'external_call_id';
  rule: string;
  value(payload: Record<string, unknown>): unknown;
}
const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});
const productConventions: Record<string, ProductConvention[]> = {
  bland: [{ fact: 'agent_id', rule: 'Bland has no agent id: the pathway is the agent (agent_id = pathway_id)', value: (p) => p.pathway_id ?? null }],
  elevenlabs: [
    {
      fact: 'ended_at',
      rule: 'ElevenLabs states start and duration: ended_at = start_time_unix_secs + call_duration_secs',
      value: (p) => {
        const metadata = record(record(p.data ?? p).metadata);
        return new Date((Number(metadata.start_time_unix_secs) + Number(metadata.call_duration_secs)) * 1000).toISOString();
      },
    },
  ],
  deepgram: [{ fact: 'external_call_id', rule: 'a Deepgram response is identified by metadata.request_id', value: (p) => record(p.metadata).request_id ?? null }],
};

/** The expected facts with Callscope's conventions applied where the wild file follows another one. */
function withProductConventions(wild: WildCase): WildExpected {
  const payload = record(JSON.parse(wild.bytes.toString('utf8')));
  const overrides = productConventions[wild.name.split('/')[0] ?? ''] ?? [];
  return { ...wild.expected, ...Object.fromEntries(overrides.map((o) => [o.fact, o.value(payload)])) };
}

function sameInstant(actual: string | null, expected: string | null, label: string) {
  if (expected === null) expect(actual, label).toBeNull();
  else expect(Date.parse(actual ?? ''), `${label}: ${actual} vs ${expected}`).toBe(Date.parse(expected));
}

/**
 * Every fact of a wild `.expected.json`. Its `source_format` is a description in words (e.g.
 * "bland.get-call response (GET /v1/calls/{id}, docs example)"), so only the provider is compared.
 */
function expectWildFacts(call: StoredFacts, turns: readonly Turn[], expected: WildExpected, fileName: string, payload: Record<string, unknown>): void {
  const label = (key: string) => `${expected.source_format}: ${key}`;
  expect(call.provider, label('provider')).toBe(expected.provider);
  // a bare transcript names no call: it is named after its file
  if (call.source_format.endsWith('.transcript')) expect(call.extra?.source_name, label('named after the file')).toBe(fileName);
  // a platform's own evaluation results are kept as the call's provider evaluations
  const metrics = record(record(record(payload.data).evaluation)).metrics;
  if (Array.isArray(metrics)) {
    expect(call.provider_evaluations?.map((e) => e.name), label('provider evaluations')).toEqual(expect.arrayContaining(metrics.map((m) => record(m).name)));
  }
  if (expected.external_call_id === null) expect(call.external_id ?? '', label('external_call_id (synthesized)')).toMatch(/^sha256:/);
  else expect(call.external_id, label('external_call_id')).toBe(expected.external_call_id);
  expect(call.agent_id, label('agent_id')).toBe(expected.agent_id);
  sameInstant(call.started_at, expected.started_at, label('started_at'));
  sameInstant(call.ended_at, expected.ended_at, label('ended_at'));
  if (expected.duration_seconds === null) expect(call.duration_s, label('duration_seconds')).toBeNull();
  else expect(Math.abs((call.duration_s ?? Number.NaN) - expected.duration_seconds), `${label('duration_seconds')}: ${call.duration_s}`).toBeLessThan(1);
  expect(call.end_reason, label('end_reason')).toBe(expected.end_reason);
  expect(call.recording_url, label('recording_url')).toBe(expected.recording_url);
  expect(call.stereo_recording_url, label('stereo_recording_url')).toBe(expected.stereo_recording_url);

  const spoken = (roles: readonly string[]) => roles.filter((role) => role !== 'tool');
  expect(spoken(turns.map((t) => t.role)), label('spoken turns')).toEqual(spoken(expected.role_sequence));
  expect(wildRoleSequence(turns), label('role_sequence (tool call and tool result each one entry)')).toEqual(expected.role_sequence);
  expect(wildRoleSequence(turns).length, label('num_turns')).toBe(expected.num_turns);
  expect(turns.find((t) => t.role === 'agent')?.text ?? null, label('first_agent_text')).toBe(expected.first_agent_text);
}

/** One app (real SQLite file, real listener) for the tests of the enclosing describe. */
function appForThisDescribe(): () => RunningTestApp {
  let app: RunningTestApp | null = null;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.stop();
  });
  return () => {
    if (!app) throw new Error('the app has not started');
    return app;
  };
}

if (!wildRoot) {
  // A fresh clone has no ../shared: say so plainly. The one test asserts only that the folder is
  // absent; no payload counts as checked.
  describe('wild corpus', () => {
    it(`is ABSENT (looked in ${candidates.join(', ')}): none of its payloads were checked`, () => {
      expect(candidates.some((path) => existsSync(join(path, 'SOURCES.md')))).toBe(false);
    });
  });
} else {
  const root = wildRoot;
  const cases = loadWild(root);

  describe(`wild corpus (${root})`, () => {
    it('SOURCES.md lists every payload of the folder, and each has its expected facts', () => {
      const sources = readFileSync(join(root, 'SOURCES.md'), 'utf8');
      const listed = [...sources.matchAll(/^- ([\w-]+\/[\w.-]+\.json) \|/gm)].map((m) => m[1]);
      expect(listed.sort()).toEqual(cases.map((c) => `${c.name}.json`).sort());
      expect(cases.length).toBe(25);
      for (const c of cases) expect(c.expected.accept, c.name).toBe(true);
    });
  });

  describe('every wild payload through POST /api/v1/import', () => {
    const running = appForThisDescribe();

    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, wild) => {
      const source = basename(wild.file);
      const app = running();
      const response = await app.api(`/api/v1/import?source=${encodeURIComponent(source)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: wild.bytes,
      });
      const body = await response.json();
      expect([200, 201], JSON.stringify(body)).toContain(response.status);
      expect(body.results, JSON.stringify(body)).toHaveLength(1);
      const shortId = body.results[0].short_id;
      const detail = await (await app.api(`/api/v1/calls/${shortId}`)).json();
      const transcript = await (await app.api(`/api/v1/calls/${shortId}/transcript`)).json();
      expectWildFacts(callFromApi(detail), turnsFromApi(transcript), withProductConventions(wild), source, record(JSON.parse(wild.bytes.toString('utf8'))));
    });
  });

  describe('every wild payload through the file importer', () => {
    const running = appForThisDescribe();

    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, wild) => {
      const app = running();
      // read in place: the payloads are never copied into the repository
      const summary = await importPaths(app.core, [wild.file]);
      expect(summary.failures, JSON.stringify(summary.failures)).toEqual([]);
      expect(summary.imported + summary.merged).toBe(1);
      const row = app.core.db
        .prepare('SELECT call_id FROM call_payloads WHERE sha256 = ?')
        .get(createHash('sha256').update(wild.bytes).digest('hex')) as { call_id: number } | undefined;
      const call = getCall(app.core.db, row?.call_id ?? -1);
      if (!call) throw new Error(`${wild.name} was not stored`);
      expectWildFacts(call, listTurns(app.core.db, call.id), withProductConventions(wild), basename(wild.file), record(JSON.parse(wild.bytes.toString('utf8'))));
    });
  });
}
