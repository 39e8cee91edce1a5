import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { sampleCall } from './sample-call';
import { post, startServer } from './ingest-load';
import { summarize, type LatencySummary } from './stats';

/**
 * The listener keeps answering while a long recording is analysed: `callscope serve` gets the
 * recording (analysed in its worker thread) and, until the analysis is done, a steady ingest load.
 */
function getJson(port: number, apiKey: string, path: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers: { 'x-api-key': apiKey } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve(JSON.parse(text)));
    })
      .on('error', reject)
      .end();
  });
}

function upload(port: number, apiKey: string, path: string, bytes: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'x-api-key': apiKey, 'content-type': 'application/octet-stream', 'content-length': bytes.length } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(bytes);
  });
}

export interface UnderAnalysisFigures extends LatencySummary {
  analysisMs: number | null;
}

export async function benchListenerUnderAnalysis(cli: string, wavPath: string): Promise<UnderAnalysisFigures> {
  const server = await startServer(cli);
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  try {
    await post(agent, server, JSON.stringify(sampleCall('long-call')));
    const status = await upload(server.port, server.apiKey, '/api/v1/recordings?filename=long-call.wav', readFileSync(wavPath));
    if (status !== 201) throw new Error(`uploading the long recording answered HTTP ${status}`);
    const latencies: number[] = [];
    const started = performance.now();
    let n = 0;
    let analysisMs: number | null = null;
    for (;;) {
      const batch = await Promise.all(Array.from({ length: 4 }, () => post(agent, server, JSON.stringify(sampleCall(`during-${n++}`)))));
      latencies.push(...batch);
      const metrics = await getJson(server.port, server.apiKey, '/api/v1/calls/long-call/metrics');
      const audio = metrics.audio as { status?: string; analysis_ms?: number } | null;
      if (audio?.status === 'done' || audio?.status === 'failed') {
        analysisMs = audio.analysis_ms ?? null;
        break;
      }
      if (performance.now() - started > 60_000) break;
    }
    return { ...summarize(latencies, (performance.now() - started) / 1000), analysisMs };
  } finally {
    agent.destroy();
    await server.stop();
  }
}
