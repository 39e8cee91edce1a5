import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluatorSpecSchema, type EvaluatorSpecInput } from '../src/core/evaluators/definition';
import { openApp, type AppCore } from '../src/main/app';
import { importPaths } from '../src/main/import/import-files';
import { startFakeOpenAi } from '../test/support/fake-openai';

/**
 * `npm run bench -- --only=eval` (issue 7): a run of 1,000 realistic calls x 3 rule evaluators,
 * and 500 calls through a local OpenAI-compatible server (fixed latency) at concurrency 8, where
 * the figure is the time each call costs beyond the server's own latency.
 */
export interface EvalBenchFigures {
  ruleCalls: number;
  ruleEvaluators: number;
  ruleSeconds: number;
  /** the same run with the PII rule instead of the phrase rule (PII detection is the costliest rule). */
  ruleWithPiiSeconds: number;
  llmCalls: number;
  concurrency: number;
  serverLatencyMs: number;
  llmSeconds: number;
  overheadPerCallMs: number;
  callsPerSecond: number;
  maxConcurrent: number;
  failed: number;
}

/** A deterministic pseudo-random stream, so every bench run measures the same calls. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const AGENT_LINES = [
  'Thanks for calling Riverside Dental, this call may be recorded. How can I help you today?',
  'I can see your appointment on Thursday at three. Would you like to keep it or move it?',
  'Let me check the schedule for you, one moment please.',
  'I have Friday at ten or Monday at two. Which one works better for you?',
  'Your cleaning is covered by your plan, there is no charge for it.',
  'Great, you are all set. Is there anything else I can help with?',
];
const USER_LINES = [
  'Hi, I need to move my appointment, something came up at work.',
  'Move it please, Thursday does not work anymore.',
  'Okay, sure.',
  'Friday at ten is perfect, thank you.',
  'And how much will the cleaning cost me?',
  'No, that is everything. Thanks, bye.',
];

/** A 20-turn call with varied reply latencies (200-2,600 ms) and an occasional talk-over. */
function realisticCall(n: number, random: () => number): Record<string, unknown> {
  const start = Date.UTC(2026, 5, 1, 9, 0, 0) + n * 600_000;
  let at = 500;
  const messages = Array.from({ length: 20 }, (_, i) => {
    const agent = i % 2 === 0;
    const text = (agent ? AGENT_LINES : USER_LINES)[Math.floor(i / 2) % 6] ?? '';
    const length = 1500 + Math.floor(random() * 3000);
    const message = { role: agent ? 'bot' : 'user', content: text, start_time: at, end_time: at + length };
    // now and then the next speaker starts 400 ms before this one has finished
    const gap = random() < 0.08 ? -400 : 200 + Math.floor(random() * 2400);
    at += length + gap;
    return message;
  });
  return {
    id: `eval-bench-${n}`,
    agent_id: 'bench-agent',
    startedAt: new Date(start).toISOString(),
    endedAt: new Date(start + at).toISOString(),
    messages,
    endedReason: random() < 0.9 ? 'customer-ended-call' : 'silence-timed-out',
    provider_platform: 'vapi',
  };
}

async function importCalls(app: AppCore, dir: string, count: number): Promise<number[]> {
  const file = join(dir, 'calls.jsonl');
  const out = createWriteStream(file);
  const random = seeded(7);
  for (let n = 0; n < count; n++) {
    if (!out.write(`${JSON.stringify(realisticCall(n, random))}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const summary = await importPaths(app, [file]);
  if (summary.imported !== count) throw new Error(`imported ${summary.imported} of ${count} bench calls`);
  return app.db.prepare<[], { id: number }>('SELECT id FROM calls ORDER BY id').all().map((row) => row.id);
}

async function createEvaluators(app: AppCore, specs: readonly EvaluatorSpecInput[]): Promise<string[]> {
  const created = await Promise.all(specs.map((spec) => app.handlers.createEvaluator({ spec: evaluatorSpecSchema.parse(spec) })));
  return created.map((e) => e.id);
}

/** Seconds from the run's start to its end. */
async function timeRun(app: AppCore, evaluatorIds: string[], callIds: number[]): Promise<{ seconds: number; failed: number; done: number }> {
  const started = performance.now();
  const run = await app.handlers.startEvaluationRun({ evaluator_ids: evaluatorIds, call_ids: callIds, force: true });
  await app.evaluations.finished(run.id);
  const seconds = (performance.now() - started) / 1000;
  const view = await app.handlers.getEvaluationRun({ run_id: run.id, results: false });
  if (view.status !== 'completed') throw new Error(`bench run ended ${view.status}`);
  return { seconds, failed: view.progress.failed, done: view.progress.done };
}

const latencyRule: EvaluatorSpecInput = { kind: 'rule', name: 'Latency p90 under 1.5 s', rule: { check: 'latency_p90_under', max_ms: 1500 } };
const interruptionRule: EvaluatorSpecInput = { kind: 'rule', name: 'Agent interruptions under 2', rule: { check: 'interruptions_under', max: 2, by: 'agent' } };
const phraseRule: EvaluatorSpecInput = { kind: 'rule', name: 'Recording disclosure said', rule: { check: 'agent_phrase', mode: 'must', pattern: 'record(ed|ing)' } };
const piiRule: EvaluatorSpecInput = { kind: 'rule', name: 'Agent never speaks card or SSN', rule: { check: 'agent_pii', types: ['credit_card', 'ssn'] } };

export async function benchEvaluators(scale = 1): Promise<EvalBenchFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'callscope-bench-eval-'));
  const fake = await startFakeOpenAi();
  const app = openApp({ dataDir: join(dir, 'data') });
  try {
    const ruleCalls = Math.round(1000 * scale);
    const callIds = await importCalls(app, dir, ruleCalls);
    const rules = await createEvaluators(app, [latencyRule, interruptionRule, phraseRule]);
    const withPii = await createEvaluators(app, [piiRule]);
    const ruleRun = await timeRun(app, rules, callIds);
    const piiRun = await timeRun(app, [...rules.slice(0, 2), ...withPii], callIds);

    const llmCalls = Math.round(500 * scale);
    const concurrency = 8;
    const serverLatencyMs = 50;
    fake.setLatency(serverLatencyMs);
    await app.handlers.updateEvalSettings({ base_url: fake.baseUrl, model: 'bench-judge', api_key: 'sk-bench', concurrency, timeout_ms: 10_000, max_retries: 0 });
    const [judge] = await createEvaluators(app, [{ kind: 'llm', name: 'Problem Resolution', rubric: 'Pass if the caller\'s problem was resolved.', output: { type: 'pass_fail' } }]);
    if (!judge) throw new Error('no judge evaluator');
    // one warm-up call: the first request pays for connection set-up and JIT, not the queue
    await timeRun(app, [judge], callIds.slice(0, 1));
    fake.reset();
    fake.setLatency(serverLatencyMs);
    const llmRun = await timeRun(app, [judge], callIds.slice(0, llmCalls));
    return {
      ruleCalls,
      ruleEvaluators: rules.length,
      ruleSeconds: ruleRun.seconds,
      ruleWithPiiSeconds: piiRun.seconds,
      llmCalls,
      concurrency,
      serverLatencyMs,
      llmSeconds: llmRun.seconds,
      overheadPerCallMs: (llmRun.seconds * 1000 * concurrency) / llmCalls - serverLatencyMs,
      callsPerSecond: llmCalls / llmRun.seconds,
      maxConcurrent: fake.maxConcurrent(),
      failed: llmRun.failed + ruleRun.failed,
    };
  } finally {
    app.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Rows for the bench table: figure, value, goal, met. */
export function evalTableCells(f: EvalBenchFigures, fmt: (n: number, digits?: number) => string): string[][] {
  return [
    [`${fmt(f.ruleCalls)} calls x ${f.ruleEvaluators} rule evaluators (s)`, fmt(f.ruleSeconds, 2), '< 2', f.ruleSeconds < 2 ? 'yes' : 'NO'],
    ['  same, PII rule in place of the phrase rule (s)', fmt(f.ruleWithPiiSeconds, 2), '', ''],
    [`${fmt(f.llmCalls)} calls via local LLM server, conc. ${f.concurrency}`, '', '', ''],
    [`  overhead per call beyond ${f.serverLatencyMs} ms (ms)`, fmt(f.overheadPerCallMs, 1), '< 20', f.overheadPerCallMs < 20 ? 'yes' : 'NO'],
    ['  calls/s; most requests open at once', `${fmt(f.callsPerSecond, 1)}; ${f.maxConcurrent}`, `<= ${f.concurrency} open`, f.maxConcurrent <= f.concurrency ? 'yes' : 'NO'],
    ['  failed results', fmt(f.failed), '0', f.failed === 0 ? 'yes' : 'NO'],
  ];
}
