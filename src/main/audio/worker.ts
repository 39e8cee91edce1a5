import { writeFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { analyseRecording } from './analyse';
import type { AnalyseRequest, AnalyseResponse } from './messages';

/**
 * The audio worker: decoding, voice activity and peaks run here, never on the main thread, so the
 * listener and the UI keep answering while a long recording is analysed.
 */
async function handle(request: AnalyseRequest): Promise<AnalyseResponse> {
  const started = performance.now();
  try {
    const result = await analyseRecording(request.path, {
      agentChannel: request.agentChannel,
      agentTurns: request.agentTurns,
      peaksPerSecond: request.peaksPerSecond,
    });
    const peaks = Buffer.concat(result.peaks.map((channel) => Buffer.from(channel.buffer, channel.byteOffset, channel.byteLength)));
    await writeFile(request.peaksPath, peaks);
    return {
      jobId: request.jobId,
      ok: true,
      durationMs: result.durationMs,
      sampleRate: result.sampleRate,
      channelCount: result.channelCount,
      agentChannel: result.agentChannel,
      agentChannelReason: result.agentChannelReason,
      segments: result.segments,
      analysisMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    return { jobId: request.jobId, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (request: AnalyseRequest) => {
  void handle(request).then((response) => parentPort?.postMessage(response));
});
