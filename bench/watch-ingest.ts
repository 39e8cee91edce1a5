import { readFileSync } from 'node:fs';
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
  /** wall clock: calls per second. */
  without: number;
  with: number;
  /** with / without. */
  ratio: number;
  /**
   * the server's own CPU time per call (µs; Linux /proc, else null): what the rules cost, and
   * what a busy shared machine moves far less than the wall clock. The goal is read on these.
   */
  cpuWithout: number | null;
  cpuWith: number | null;
  /** calls per server CPU-second, with / without. */
  cpuRatio: number | null;
  /** flags the "with" side raised (the latency rule fails on every sample call: the worst case). */
  flags: number;
}

/** The sample call's replies come 800 ms after the caller: the latency rule fails on every call, so each one raises a flag. */
const RULES: EvaluatorSpecInput[] = [
  { kind: 'rule', name: 'Replies under 500 ms', rule: { check: 'latency_p90_under', max_ms: 500 } },
  { kind: 'rule', name: 'Never promises a refund', rule: { check: 'agent_phrase', mode: 'must_not', pattern: 'refund(ed)? (is|has been) (issued|approved)' } },
  { kind: 'rule', name: 'Caller hung up', rule: { check: 'end_reason_in', reasons: ['customer-ended-call', 'assistant-ended-call'] } },
];

const CLIENTS = 16;

/** How many evaluation results a call has (by the provider's id). */
function results(server: Server, externalId: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: `/api/v1/calls/${externalId}/evaluations`, headers: { 'x-api-key': server.apiKey } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve(res.statusCode === 200 ? (JSON.parse(text) as { results: unknown[] }).results.length : 0));
    });
    req.on('error', reject);
    req.end();
  });
}

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

/** A process's user + system CPU time so far, in seconds (null where /proc is not). */
function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // fields after the command's closing parenthesis: utime and stime are the 12th and 13th
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks / 100 : null;
  } catch {
    return null;
  }
}

/** Calls per second on a fresh server, with or without the watch rules; its CPU µs per call; the flags raised. */
async function side(cli: string, calls: number, watched: boolean): Promise<{ perSecond: number; cpuPerCallUs: number | null; flags: number }> {
  const server = await startServer(cli);
  try {
    if (watched) {
      for (const spec of RULES) {
        const created = await rpc<{ id: string }>(server, 'createEvaluator', { spec });
        await rpc(server, 'setEvaluatorWatch', { id: created.id, watch: true });
      }
    }
    await send(server, 4, 300, 'warmup');
    const started = performance.now();
    const cpuBefore = cpuSeconds(server.pid);
    await send(server, CLIENTS, calls, 'load');
    // Judged: the calls are judged in the order they were stored, and with 16 clients every call
    // before the last 16 had its 2xx before the last one was sent, so once the last 16 have every
    // rule's result, all have (a cheap read each, rather than a count over every call)
    if (watched) {
      for (let n = calls - CLIENTS; n < calls; n++) {
        while ((await results(server, `load-${n}`)) < RULES.length) await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = cpuSeconds(server.pid);
    const cpu = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
    const status = await rpc<{ flagged_calls: number }>(server, 'getWatchStatus', {});
    return { perSecond: calls / seconds, cpuPerCallUs: cpu === null ? null : (cpu * 1e6) / calls, flags: status.flagged_calls };
  } finally {
    await server.stop();
  }
}

export async function benchWatchIngest(cli: string, scale = 1): Promise<WatchIngestFigures> {
  const calls = Math.round(10_000 * scale);
  const without: number[] = [];
  const withRules: number[] = [];
  const cpu = { without: [] as number[], with: [] as number[] };
  let flags = 0;
  for (const order of [[false, true], [true, false], [false, true]]) {
    for (const watched of order) {
      const figures = await side(cli, calls, watched);
      (watched ? withRules : without).push(figures.perSecond);
      if (figures.cpuPerCallUs !== null) cpu[watched ? 'with' : 'without'].push(figures.cpuPerCallUs);
      // each side's runs, to see how much the machine moved them
      const cpuText = figures.cpuPerCallUs === null ? '' : `, server CPU ${Math.round(figures.cpuPerCallUs)} µs/call`;
      process.stderr.write(`  watch bench: ${watched ? 'with 3 watch rules' : 'no watch rule'}: ${Math.round(figures.perSecond)} calls/s${cpuText}\n`);
      if (watched) flags = figures.flags;
    }
  }
  const best = (xs: number[]) => Math.max(...xs);
  const least = (xs: number[]) => (xs.length === 0 ? null : Math.min(...xs));
  const [cpuWithout, cpuWith] = [least(cpu.without), least(cpu.with)];
  return {
    calls,
    rules: RULES.map((r) => r.name),
    without: best(without),
    with: best(withRules),
    ratio: best(withRules) / best(without),
    cpuWithout,
    cpuWith,
    cpuRatio: cpuWithout === null || cpuWith === null ? null : cpuWithout / cpuWith,
    flags,
  };
}
