import { Agent, request } from 'node:http';
import type { EvaluatorSpecInput } from '../src/core/evaluators/definition';
import { post, startServer, type Server } from './ingest-load';
import { sampleCall } from './sample-call';

/**
 * `npm run bench -- --only=watch` (issue 15): listener throughput with no watch rule, and with 3
 * watch rules judging every arriving call. Each side runs on a fresh `callscope serve` (a store
 * that grew during the other would slow it); the "with" side counts until the last call is
 * judged, not only until its 2xx, so judging that lags behind ingestion is not hidden. Three rounds,
 * alternating which side goes first; the better round of each side is kept (the machine is shared).
 */
export interface WatchIngestFigures {
  calls: number;
  rules: string[];
  without: number;
  with: number;
  /** with / without. */
  ratio: number;
  /** flags the "with" side raised (the latency rule fails on every sample call: the worst case). */
  flags: number;
}

/** The sample call's replies come 800 ms after the caller: the latency rule fails on every call, so each one raises a flag. */
const RULES: EvaluatorSpecInput[] = [
  { kind: 'rule', name: 'Replies under 500 ms', rule: { check: 'latency_p90_under', max_ms: 500 } },
  { kind: 'rule', name: 'Never promises a refund', rule: { check: 'agent_phrase', mode: 'must_not', pattern: 'refund(ed)? (is|has been) (issued|approved)' } },
  { kind: 'rule', name: 'Caller hung up', rule: { check: 'end_reason_in', reasons: ['customer-ended-call', 'assistant-ended-call'] } },
];

function rpc<T>(server: Server, method: string, body: unknown): Promise<T> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: `/rpc/${method}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'x-api-key': server.apiKey },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(text) as T) : reject(new Error(`${method}: HTTP ${res.statusCode} ${text}`))));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function send(server: Server, clients: number, total: number, prefix: string): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  let next = 0;
  const worker = async () => {
    for (;;) {
      const n = next++;
      if (n >= total) return;
      await post(agent, server, JSON.stringify(sampleCall(`${prefix}-${n}`)));
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  agent.destroy();
}

/** Calls per second on a fresh server, with or without the watch rules; the flags raised. */
async function side(cli: string, calls: number, watched: boolean): Promise<{ perSecond: number; flags: number }> {
  const server = await startServer(cli);
  try {
    let last: string | null = null;
    if (watched) {
      for (const spec of RULES) {
        const created = await rpc<{ id: string }>(server, 'createEvaluator', { spec });
        await rpc(server, 'setEvaluatorWatch', { id: created.id, watch: true });
        last = created.id;
      }
    }
    await send(server, 4, 300, 'warmup');
    const started = performance.now();
    await send(server, 16, calls, 'load');
    // judged: every call has a result of the last rule (each call's rules are judged together)
    for (;;) {
      if (last === null) break;
      const left = await rpc<{ total: number }>(server, 'countCalls', { filter: { evaluations: [{ evaluator_id: last, outcome: 'none' }] } });
      if (left.total === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const seconds = (performance.now() - started) / 1000;
    const status = await rpc<{ flagged_calls: number }>(server, 'getWatchStatus', {});
    return { perSecond: calls / seconds, flags: status.flagged_calls };
  } finally {
    await server.stop();
  }
}

export async function benchWatchIngest(cli: string, scale = 1): Promise<WatchIngestFigures> {
  const calls = Math.round(10_000 * scale);
  const without: number[] = [];
  const withRules: number[] = [];
  let flags = 0;
  for (const order of [[false, true], [true, false], [false, true]]) {
    for (const watched of order) {
      const figures = await side(cli, calls, watched);
      (watched ? withRules : without).push(figures.perSecond);
      // each side's runs, to see how much the machine moved them
      process.stderr.write(`  watch bench: ${watched ? 'with 3 watch rules' : 'no watch rule'}: ${Math.round(figures.perSecond)} calls/s\n`);
      if (watched) flags = figures.flags;
    }
  }
  const best = (xs: number[]) => Math.max(...xs);
  return { calls, rules: RULES.map((r) => r.name), without: best(without), with: best(withRules), ratio: best(withRules) / best(without), flags };
}
