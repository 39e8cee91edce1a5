import { rm } from 'node:fs/promises';
import { overlapVerdicts } from '../src/core/metrics/overlap-verdicts';
import { applyLine, generateCall, type GeneratedCall, type LineCondition } from '../test/support/audio-generate';
import { overlapClassesCall, type OverlapTruth } from '../test/support/audio-generate/overlap-classes';
import { emptyOverlapTally, mergeTallies, overlapFigures, overlapTable, tallyOverlaps, type OverlapFigures, type OverlapTally } from '../test/support/audio-generate/overlap-score';
import { inBatches } from '../test/support/audio-generate/run-tool';
import type { AnalysisPath } from './audio-conditions';

/**
 * Overlap classes on generated calls whose classes are known by construction (issue 16):
 * test/support/audio-generate/overlap-classes.ts builds each overlap to one class; each call is
 * delivered over every line condition, analysed, and the app's classifier (`overlapVerdicts`,
 * which `segmentTimingMetrics` stores for an analysed recording) is scored against the construction.
 */
const line = (name: string, rest: Partial<LineCondition>): LineCondition => ({ name, coding: 'pcm16', sampleRate: 16000, noise: null, userGainDb: 0, bandLimited: false, ...rest });
const MULAW_8K = { coding: 'mulaw', sampleRate: 8000 } as const;

export const OVERLAP_CONDITIONS: readonly LineCondition[] = [
  line('16k PCM, clean', {}),
  line('8k µ-law, pink -45', { ...MULAW_8K, noise: { kind: 'pink', db: -45 } }),
  line('8k µ-law, band 300-3400', { ...MULAW_8K, bandLimited: true }),
  line('8k µ-law, pink -36', { ...MULAW_8K, noise: { kind: 'pink', db: -36 } }),
];

/** Harder lines, reported beside the goal and not counted in it (the reply-latency grid does not hold them to its goals either). */
export const OVERLAP_STRESS_CONDITIONS: readonly LineCondition[] = [
  line('16k PCM, pink -30', { noise: { kind: 'pink', db: -30 } }),
  line('8k µ-law, quiet caller -20 dB', { ...MULAW_8K, userGainDb: -20 }),
  line('8k µ-law, babble -45', { ...MULAW_8K, noise: { kind: 'babble', db: -45 } }),
];

/** Goals of issue 16 ("Must show"), over all conditions together. */
export const OVERLAP_GOALS = { accuracy: 0.9, yieldErrorMedianMs: 30 } as const;

export interface OverlapRow {
  /** a line condition's name, or 'transcript' for the classifier on the generated transcript's turns. */
  name: string;
  /** counted in the overall figures and the goal (false for the transcript and the stress lines). */
  inGoal: boolean;
  tally: OverlapTally;
  figures: OverlapFigures;
}

export interface OverlapBench {
  path: string;
  calls: number;
  perClassPerCondition: number;
  rows: OverlapRow[];
  overall: OverlapRow;
}

function row(name: string, tally: OverlapTally, inGoal: boolean): OverlapRow {
  return { name, inGoal, tally, figures: overlapFigures(tally) };
}

/** The classifier on the transcript's own turn times: the construction checked against itself (all right, or the generator is wrong). */
function transcriptTally(calls: readonly { call: GeneratedCall; truth: OverlapTruth[] }[]): OverlapTally {
  const tally = emptyOverlapTally();
  for (const { call, truth } of calls) {
    tallyOverlaps(tally, truth, overlapVerdicts(call.transcript.map((t) => ({ speaker: t.role, start_ms: t.start_ms, end_ms: t.end_ms, text: t.text }))));
  }
  return tally;
}

export async function benchOverlapClasses(options: {
  seeds: number;
  grid?: readonly LineCondition[];
  /** conditions reported but not counted in the overall figures. */
  stress?: readonly LineCondition[];
  path: AnalysisPath;
  dir: string;
  progress?: (message: string) => void;
}): Promise<OverlapBench> {
  const grid = options.grid ?? OVERLAP_CONDITIONS;
  const stress = options.stress ?? OVERLAP_STRESS_CONDITIONS;
  const calls: { call: GeneratedCall; truth: OverlapTruth[] }[] = [];
  for (let seed = 1; seed <= options.seeds; seed++) {
    const { script, truth } = overlapClassesCall(seed);
    calls.push({ call: await generateCall(script, options.dir), truth });
  }
  const rows: OverlapRow[] = [row('transcript (the construction itself)', transcriptTally(calls), false)];
  const overall = emptyOverlapTally();
  for (const condition of [...grid, ...stress]) {
    const inGoal = grid.includes(condition);
    const tally = emptyOverlapTally();
    const perCall = await inBatches(calls, 2, async ({ call, truth }, index) => {
      const delivered = await applyLine(call, condition, options.dir);
      try {
        const agentTurns = delivered.transcript.filter((t) => t.role === 'agent').map((t) => ({ start_ms: t.start_ms, end_ms: t.end_ms }));
        const analysis = await options.path.analyse(delivered.path, { agentChannel: null, agentTurns, peaksPerSecond: 100 });
        const speech = analysis.segments.flatMap((s) => (s.speaker ? [{ speaker: s.speaker, start_ms: s.start_ms, end_ms: s.end_ms }] : []));
        const callTally = emptyOverlapTally();
        tallyOverlaps(callTally, truth, overlapVerdicts(speech), `${condition.name}, seed ${index + 1}: `);
        return callTally;
      } finally {
        await rm(delivered.path, { force: true });
      }
    });
    for (const callTally of perCall) mergeTallies(tally, callTally);
    if (inGoal) mergeTallies(overall, tally);
    const done = row(`${condition.name}${inGoal ? '' : ' (reported, not in the goal)'}`, tally, inGoal);
    rows.push(done);
    options.progress?.(`${condition.name}: accuracy ${done.figures.accuracy.toFixed(3)}, yield error median ${done.figures.yieldErrorMedian} ms`);
  }
  const perClass = calls.reduce((total, { truth }) => total + truth.filter((t) => t.class === 'barge_in').length, 0);
  return { path: options.path.name, calls: calls.length, perClassPerCondition: perClass, rows, overall: row(`overall (${grid.map((c) => c.name).join('; ')})`, overall, true) };
}

export function meetsOverlapGoals(figures: OverlapFigures): boolean {
  return figures.accuracy >= OVERLAP_GOALS.accuracy && figures.yieldErrorMedian <= OVERLAP_GOALS.yieldErrorMedianMs;
}

/** Every row's confusion matrix and figures, the overall one last with the goals. */
export function overlapReport(bench: OverlapBench, showMistakes: boolean): string[] {
  const lines = [
    `overlap classes (issue 16): ${bench.calls} generated calls, ${bench.perClassPerCondition} overlaps of each class per condition, analysed by the ${bench.path} path; rows truth, columns detected`,
  ];
  for (const r of bench.rows) {
    lines.push('', `## ${r.name}`, ...overlapTable(r.tally));
    if (showMistakes) lines.push(...r.tally.mistakes.slice(0, 20).map((m) => `  ${m}`));
  }
  lines.push('', `## ${bench.overall.name}`, ...overlapTable(bench.overall.tally));
  const f = bench.overall.figures;
  lines.push(
    '',
    `goal: accuracy >= ${OVERLAP_GOALS.accuracy} (${f.accuracy.toFixed(3)}), yield error median <= ${OVERLAP_GOALS.yieldErrorMedianMs} ms (${f.yieldErrorMedian} ms): ${meetsOverlapGoals(f) ? 'met' : 'NOT met'}`,
  );
  return lines;
}
