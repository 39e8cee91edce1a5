import { analyseRecording } from '../src/main/audio/analyse';
import type { SpeechModel } from '../src/main/audio/speech-model';
import { generateLongCall } from '../test/support/audio-generate';
import { applyLine, type LineCondition } from '../test/support/audio-generate/line';

/**
 * `npm run bench -- --only=speed` (issue 16): a 60-minute stereo call delivered as telephony
 * records it (8 kHz µ-law, clean and with pink noise at -45 dBFS), analysed by the combined path
 * (Silero VAD + band levels). Goal <= 5 s; the energy path beside it for scale.
 */
export interface ModelSpeedRow {
  line: string;
  energySeconds: number;
  modelSeconds: number;
  /** share of the audio (both channels) the model listened to. */
  heardShare: number;
  cpuSeconds: number;
}

const LINES: readonly LineCondition[] = [
  { name: '8k µ-law, clean', coding: 'mulaw', sampleRate: 8000, noise: null, userGainDb: 0, bandLimited: false },
  { name: '8k µ-law, pink -45', coding: 'mulaw', sampleRate: 8000, noise: { kind: 'pink', db: -45 }, userGainDb: 0, bandLimited: false },
];

export async function benchModelSpeed(options: { minutes: number; model: SpeechModel; dir: string; progress: (line: string) => void }): Promise<ModelSpeedRow[]> {
  const call = await generateLongCall(options.minutes, options.dir);
  const rows: ModelSpeedRow[] = [];
  for (const line of LINES) {
    options.progress(`speed: ${line.name}, ${options.minutes} min`);
    const delivered = await applyLine({ ...call, wavPath: call.wavPath }, line, options.dir);
    const analyseOptions = { agentChannel: call.agentChannel, agentTurns: [], peaksPerSecond: 100 } as const;
    const energyStarted = performance.now();
    await analyseRecording(delivered.path, { ...analyseOptions, speechModel: null });
    const energySeconds = (performance.now() - energyStarted) / 1000;
    const cpu = process.cpuUsage();
    const started = performance.now();
    const analysis = await analyseRecording(delivered.path, { ...analyseOptions, speechModel: options.model });
    const modelSeconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    rows.push({ line: line.name, energySeconds, modelSeconds, heardShare: analysis.modelHeardMs / (2 * analysis.durationMs), cpuSeconds: (used.user + used.system) / 1e6 });
  }
  return rows;
}
