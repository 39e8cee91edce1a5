import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleCall } from './sample-call';
import { summarize, type LatencySummary } from './stats';

/**
 * Ingestion over loopback: `callscope serve` in its own process (so the load generator does not
 * share its event loop), a keep-alive HTTP client, 20-turn calls with unique ids.
 */
export interface Server {
  port: number;
  apiKey: string;
  /** the UI's URL with its token. */
  openUrl: string;
  /** the server's process id (its CPU time is read from /proc). */
  pid: number | undefined;
  stop(): Promise<void>;
}

/** Starts `callscope serve` on a fresh data folder (removed on stop), or on `keptDataDir` (kept). */
export async function startServer(cli: string, keptDataDir?: string): Promise<Server> {
  const dataDir = keptDataDir ?? mkdtempSync(join(tmpdir(), 'callscope-bench-'));
  const child: ChildProcess = spawn(process.execPath, [cli, 'serve', '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, CALLSCOPE_API_KEY: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let openUrl = '';
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listener: http:\/\/[^:]+:(\d+)/.exec(out);
      const open = /open:\s+(\S+)/.exec(out);
      if (match?.[1] && open?.[1]) {
        openUrl = open[1];
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  const apiKey: string = JSON.parse(readFileSync(join(dataDir, 'config.json'), 'utf8')).api_key;
  return {
    port,
    apiKey,
    openUrl,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => {
          if (!keptDataDir) rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export function post(agent: Agent, server: Server, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port: server.port,
        path: '/api/v1/observability/calls',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-api-key': server.apiKey },
      },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 201 ? resolve(performance.now() - started) : reject(new Error(`HTTP ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function load(server: Server, clients: number, total: number, prefix: string): Promise<LatencySummary> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const n = next++;
      if (n >= total) return;
      latencies.push(await post(agent, server, JSON.stringify(sampleCall(`${prefix}-${n}`))));
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return summarize(latencies, seconds);
}

export interface IngestFigures {
  single: LatencySummary;
  concurrent: LatencySummary;
}

export async function benchIngest(cli: string, scale = 1): Promise<IngestFigures> {
  const server = await startServer(cli);
  try {
    await load(server, 4, 300, 'warmup');
    const single = await load(server, 1, Math.round(2000 * scale), 'single');
    const concurrent = await load(server, 16, Math.round(20000 * scale), 'concurrent');
    return { single, concurrent };
  } finally {
    await server.stop();
  }
}
