import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { segmentTimingMetrics } from '../src/core/metrics/compute';
import type { SpeechSegment } from '../src/core/metrics/segments';
import { analyseRecording, type AnalyseOptions, type RecordingAnalysis } from '../src/main/audio/analyse';
import { applyLine, generateCall, scenario, SCENARIO_NAMES, type GeneratedCall, type LineCondition } from '../test/support/audio-generate';
import { inBatches } from '../test/support/audio-generate/run-tool';
import { audibleReplies } from './audible-truth';
import type { SpeechModel } from '../src/main/audio/speech-model';
import { accuracyFigures, emptyTally, MISS_MS, tallyCall, type AccuracyFigures, type AccuracyTally, type InterruptionMiss, type ReplyMiss } from './audio-score';

/**
 * The accuracy table over telephony conditions (issue 16): the same generated calls (every
 * scenario, several seeds, six espeak-ng voices, the agent on either channel) delivered over each
 * line of the grid, analysed by each voice-activity path, scored against the truth.
 */
const line = (name: string, rest: Partial<LineCondition>): LineCondition => ({
  name,
  coding: 'pcm16',
  sampleRate: 16000,
  noise: null,
  userGainDb: 0,
  bandLimited: false,
  ...rest,
});
const MULAW_8K = { coding: 'mulaw', sampleRate: 8000 } as const;
const pink = (db: number) => ({ noise: { kind: 'pink', db } as const });
const babble = (db: number) => ({ noise: { kind: 'babble', db } as const });

export const CONDITION_GRID: readonly LineCondition[] = [
  line('16k PCM, clean', {}),
  line('16k PCM, pink -50', pink(-50)),
  line('16k PCM, pink -45', pink(-45)),
  line('16k PCM, pink -36', pink(-36)),
  line('16k PCM, pink -30', pink(-30)),
  line('8k µ-law, clean', MULAW_8K),
  line('8k µ-law, pink -50', { ...MULAW_8K, ...pink(-50) }),
  line('8k µ-law, pink -45', { ...MULAW_8K, ...pink(-45) }),
  line('8k µ-law, pink -36', { ...MULAW_8K, ...pink(-36) }),
  line('8k µ-law, pink -30', { ...MULAW_8K, ...pink(-30) }),
  line('8k A-law, pink -45', { coding: 'alaw', sampleRate: 8000, ...pink(-45) }),
  line('8k A-law, pink -36', { coding: 'alaw', sampleRate: 8000, ...pink(-36) }),
  line('24k PCM, pink -36', { sampleRate: 24000, ...pink(-36) }),
  line('8k µ-law, babble -45', { ...MULAW_8K, ...babble(-45) }),
  line('8k µ-law, babble -36', { ...MULAW_8K, ...babble(-36) }),
  line('8k µ-law, babble -30', { ...MULAW_8K, ...babble(-30) }),
  line('8k µ-law, quiet caller -20 dB', { ...MULAW_8K, userGainDb: -20 }),
  line('8k µ-law, quiet caller, pink -50', { ...MULAW_8K, userGainDb: -20, ...pink(-50) }),
  line('8k µ-law, quiet caller, pink -45', { ...MULAW_8K, userGainDb: -20, ...pink(-45) }),
  line('8k µ-law, band 300-3400', { ...MULAW_8K, bandLimited: true }),
  line('8k µ-law, band 300-3400, pink -36', { ...MULAW_8K, bandLimited: true, ...pink(-36) }),
  line('16k MP3 (no LAME tag), clean', { coding: 'mp3' }),
  line('16k MP3 (no LAME tag), pink -36', { coding: 'mp3', ...pink(-36) }),
];

/** One way of finding speech in a recording, e.g. the energy detector alone. */
export interface AnalysisPath {
  name: string;
  analyse(path: string, options: AnalyseOptions): Promise<RecordingAnalysis>;
}

export const ENERGY_PATH: AnalysisPath = { name: 'energy', analyse: (path, options) => analyseRecording(path, { ...options, speechModel: null }) };

/** The speech model deciding, band levels placing the edges. */
export function combinedPath(model: SpeechModel): AnalysisPath {
  return { name: 'silero+energy', analyse: (path, options) => analyseRecording(path, { ...options, speechModel: model }) };
}

export interface ConditionRow {
  condition: LineCondition;
  /** per path name. */
  figures: Record<string, AccuracyFigures>;
  /** per path name, the replies measured more than MISS_MS off (`--misses`), against each truth. */
  misses: Record<string, ReplyMiss[]>;
  audibleMisses: Record<string, ReplyMiss[]>;
  interruptionMisses: Record<string, InterruptionMiss[]>;
}

/**
 * Calls enough for `replies` true replies: every scenario (the noisy one without its own noise:
 * the line adds it), seed after seed, the agent on channel 1 for even seeds.
 */
async function baseCalls(replies: number, dir: string): Promise<GeneratedCall[]> {
  const calls: GeneratedCall[] = [];
  let count = 0;
  for (let seed = 1; count < replies; seed++) {
    for (const name of SCENARIO_NAMES) {
      const call = await generateCall({ ...scenario(name, seed), noiseDb: null, agentChannel: seed % 2 === 0 ? 1 : 0 }, dir);
      calls.push(call);
      count += call.truth.latencies.length;
    }
  }
  return calls;
}

function speechOf(analysis: RecordingAnalysis): SpeechSegment[] {
  return analysis.segments.flatMap((s) => (s.speaker ? [{ speaker: s.speaker, start_ms: s.start_ms, end_ms: s.end_ms }] : []));
}

/** Every condition of `grid` over the same calls, each analysed by every path. */
export async function benchConditions(options: {
  replies: number;
  grid: readonly LineCondition[];
  paths: readonly AnalysisPath[];
  dir: string;
  progress?: (message: string) => void;
}): Promise<ConditionRow[]> {
  const calls = await baseCalls(options.replies, options.dir);
  const rows: ConditionRow[] = [];
  for (const condition of options.grid) {
    const tallies = new Map<string, AccuracyTally>(options.paths.map((path) => [path.name, emptyTally()]));
    await inBatches(calls, 2, async (call) => {
      const delivered = await applyLine(call, condition, options.dir);
      try {
        const audible = await audibleReplies(delivered, call, condition, options.dir);
        const agentTurns = delivered.transcript.filter((t) => t.role === 'agent').map((t) => ({ start_ms: t.start_ms, end_ms: t.end_ms }));
        for (const path of options.paths) {
          const analysis = await path.analyse(delivered.path, { agentChannel: null, agentTurns, peaksPerSecond: 100 });
          const tally = tallies.get(path.name);
          if (tally) tallyCall(tally, delivered.truth, segmentTimingMetrics(speechOf(analysis)), basename(call.wavPath), audible);
        }
      } finally {
        await rm(delivered.path, { force: true });
      }
    });
    const figures = Object.fromEntries([...tallies].map(([name, tally]) => [name, accuracyFigures(tally)]));
    rows.push({ condition, figures, misses: Object.fromEntries([...tallies].map(([name, tally]) => [name, tally.truth.misses])), audibleMisses: Object.fromEntries([...tallies].map(([name, tally]) => [name, tally.audible.misses])), interruptionMisses: Object.fromEntries([...tallies].map(([name, tally]) => [name, tally.interruptionMisses])) });
    options.progress?.(`${condition.name}: ${options.paths.map((p) => `${p.name} ${formatFigures(figures[p.name])}`).join('; ')}`);
  }
  return rows;
}

function formatFigures(figures: AccuracyFigures | undefined): string {
  if (!figures) return '-';
  return `median ${figures.latencyErrorMedian.toFixed(1)} p95 ${figures.latencyErrorP95.toFixed(1)} missed ${figures.latenciesMissed}/${figures.latencies} P ${figures.precision.toFixed(3)} R ${figures.recall.toFixed(3)}`;
}

/** Goals of issue 16, for every condition down to -36 dBFS of noise (babble and quiet callers are reported, not held to them). */
export function meetsConditionGoal(figures: AccuracyFigures): boolean {
  return figures.latencyErrorMedian <= 20 && figures.latencyErrorP95 <= 60 && figures.precision >= 0.95 && figures.recall >= 0.95;
}

export function isGoalCondition(condition: LineCondition): boolean {
  return condition.userGainDb === 0 && (condition.noise === null || (condition.noise.kind === 'pink' && condition.noise.db <= -36));
}

/** A markdown-ish table: one line per condition, each path's figures side by side. */
export function conditionTable(rows: readonly ConditionRow[], paths: readonly string[]): string[] {
  const cell = (f: AccuracyFigures | undefined): string =>
    f ? `${f.latencyErrorMedian.toFixed(1).padStart(5)} ${f.latencyErrorP95.toFixed(1).padStart(6)} ${String(f.latenciesMissed).padStart(3)} ${f.precision.toFixed(2)} ${f.recall.toFixed(2)}` : '-';
  const header = ['condition'.padEnd(40), 'replies', ...paths.map((p) => `${p}: med p95 miss P R`.padEnd(30)), 'goal'];
  const lines = [header.join(' | ')];
  for (const row of rows) {
    const first = row.figures[paths[0] ?? ''];
    const goal = isGoalCondition(row.condition)
      ? paths.map((p) => { const f = row.figures[p]; return `${p} ${f && meetsConditionGoal(f) ? 'yes' : 'NO'}`; }).join(', ')
      : 'reported';
    lines.push([row.condition.name.padEnd(40), String(first?.latencies ?? 0).padStart(7), ...paths.map((p) => cell(row.figures[p]).padEnd(30)), goal].join(' | '));
  }
  return lines;
}

/** `--misses`: each condition's replies measured more than MISS_MS off, by the first path, worst first. */
export function missesReport(rows: readonly ConditionRow[], path: string, truth: 'misses' | 'audibleMisses' = 'misses'): string[] {
  return rows.flatMap((row) => {
    const misses = [...(row[truth][path] ?? [])].sort((a, b) => Math.abs(b.found_ms - b.true_ms) - Math.abs(a.found_ms - a.true_ms));
    if (misses.length === 0) return [];
    return [
      `${row.condition.name}, ${path}: ${misses.length} replies more than ${MISS_MS} ms off ${truth === 'misses' ? 'the truth' : 'the audible truth'} (error = measured - true; caller end, agent start)`,
      ...misses.map((m) => `  ${m.call} at ${(m.at_ms / 1000).toFixed(2)} s: true ${Math.round(m.true_ms)} ms, measured ${Math.round(m.found_ms)} ms; caller end ${signed(m.caller_end_error_ms)}, agent start ${signed(m.agent_start_error_ms)}`),
    ];
  });
}

/** `--misses`: each condition's interruptions missed or found where there was none, by the first path. */
export function interruptionMissesReport(rows: readonly ConditionRow[], path: string): string[] {
  return rows.flatMap((row) => {
    const misses = row.interruptionMisses[path] ?? [];
    if (misses.length === 0) return [];
    const missed = misses.filter((m) => m.kind === 'missed').length;
    return [
      `${row.condition.name}, ${path}: ${missed} interruptions missed, ${misses.length - missed} found where there was none`,
      ...misses.map((m) => `  ${m.call} at ${(m.at_ms / 1000).toFixed(2)} s: ${m.kind === 'missed' ? 'missed' : 'not true'}, ${m.who === 'user' ? 'the caller' : 'the agent'} cutting in`),
    ];
  });
}

const signed = (ms: number): string => `${ms >= 0 ? '+' : ''}${Math.round(ms)} ms`;

/** Each path's reply-latency error against the audible truth (audible-truth.ts), beside the generator's. */
export function audibleTable(rows: readonly ConditionRow[], paths: readonly string[]): string[] {
  const cell = (f: AccuracyFigures | undefined): string => (f ? `${f.latencyErrorMedian.toFixed(1).padStart(5)} ${f.latencyErrorP95.toFixed(1).padStart(6)} | ${f.audibleErrorMedian.toFixed(1).padStart(5)} ${f.audibleErrorP95.toFixed(1).padStart(6)}` : '-');
  const header = ['condition'.padEnd(40), 'audible', ...paths.map((p) => `${p}: truth med p95 | audible med p95`.padEnd(34)), 'goal against the audible edges'];
  const goal = (row: ConditionRow): string =>
    isGoalCondition(row.condition)
      ? paths.map((p) => { const f = row.figures[p]; return `${p} ${f && meetsConditionGoal({ ...f, latencyErrorMedian: f.audibleErrorMedian, latencyErrorP95: f.audibleErrorP95 }) ? 'yes' : 'NO'}`; }).join(', ')
      : 'reported';
  return [
    header.join(' | '),
    ...rows.map((row) => [row.condition.name.padEnd(40), String(row.figures[paths[0] ?? '']?.audibleReplies ?? 0).padStart(7), ...paths.map((p) => cell(row.figures[p]).padEnd(34)), goal(row)].join(' | ')),
  ];
}
