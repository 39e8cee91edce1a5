import { writeFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { analyseRecording } from './analyse';
import { loadSpeechModel, type SpeechModelLoad } from './speech-model';
import type { AnalyseRequest, AnalyseResponse, AudioWorkerSettings } from './messages';

/**
 * The audio worker: decoding, voice activity and peaks run here, never on the main thread, so the
 * listener and the UI keep answering while a long recording is analysed.
 */
/** Loaded once per worker; when it cannot be, every call is measured by the energy path and says why. */
let speechModel: Promise<SpeechModelLoad> | null = null;
const settings: Partial<AudioWorkerSettings> = workerData ?? {};

async function handle(request: AnalyseRequest): Promise<AnalyseResponse> {
  const started = performance.now();
  try {
    speechModel ??= settings.energyOnly ? Promise.resolve({ model: null, error: 'CALLSCOPE_VAD=energy' }) : loadSpeechModel();
    const loaded = await speechModel;
    const result = await analyseRecording(request.path, {
      agentChannel: request.agentChannel,
      agentTurns: request.agentTurns,
      peaksPerSecond: request.peaksPerSecond,
      speechModel: loaded.model,
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
      vad: result.vad,
      vadNote: result.vad === 'energy' && result.channelCount >= 2 ? loaded.error : null,
      lines: result.lines,
    };
  } catch (error) {
    return { jobId: request.jobId, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (request: AnalyseRequest) => {
  void handle(request).then((response) => parentPort?.postMessage(response));
});
