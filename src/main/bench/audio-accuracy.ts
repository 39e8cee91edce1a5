import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { segmentTimingMetrics } from '../../core/metrics/compute';
import { nearestRank } from '../../core/metrics/percentile';
import type { SpeechSegment } from '../../core/metrics/segments';
import { analyseRecording } from '../audio/analyse';
import { generateCall, generateLongCall, scenario, SCENARIO_NAMES, type GeneratedCall } from '../audio/generate';

/**
 * Audio figures against the generator's truth: reply-latency error, interruption precision and
 * recall over every scenario and several seeds, and the time to analyse a 60-minute recording.
 */
const MATCH_WINDOW_MS = 300;

export interface AccuracyFigures {
  calls: number;
  latencies: number;
  latenciesMissed: number;
  latencyErrorMedian: number;
  latencyErrorP95: number;
  interruptionsTrue: number;
  interruptionsFound: number;
  precision: number;
  recall: number;
}

interface Event {
  at_ms: number;
  who: 'user' | 'agent';
}

function matchCount(truth: Event[], found: Event[]): number {
  const unused = [...found];
  let matched = 0;
  for (const t of truth) {
    const i = unused.findIndex((f) => f.who === t.who && Math.abs(f.at_ms - t.at_ms) <= MATCH_WINDOW_MS);
    if (i >= 0) {
      matched++;
      unused.splice(i, 1);
    }
  }
  return matched;
}

async function measure(call: GeneratedCall) {
  const agentTurns = call.transcript.filter((t) => t.role === 'agent').map((t) => ({ start_ms: t.start_ms, end_ms: t.end_ms }));
  const analysis = await analyseRecording(call.wavPath, { agentChannel: null, agentTurns, peaksPerSecond: 100 });
  const segments: SpeechSegment[] = analysis.segments.flatMap((s) => (s.speaker ? [{ speaker: s.speaker, start_ms: s.start_ms, end_ms: s.end_ms }] : []));
  return { analysis, metrics: segmentTimingMetrics(segments) };
}

export async function benchAudioAccuracy(seeds: number): Promise<AccuracyFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'callscope-bench-audio-'));
  const errors: number[] = [];
  let latencies = 0;
  let missed = 0;
  let interruptionsTrue = 0;
  let interruptionsFound = 0;
  let matched = 0;
  let calls = 0;
  try {
    for (let seed = 1; seed <= seeds; seed++) {
      for (const name of SCENARIO_NAMES) {
        const call = await generateCall({ ...scenario(name, seed), agentChannel: seed % 2 === 0 ? 1 : 0 }, dir);
        const { metrics } = await measure(call);
        calls++;
        for (const truth of call.truth.latencies) {
          latencies++;
          const found = metrics.latencies.find((l) => Math.abs(l.at_ms - truth.at_ms) <= MATCH_WINDOW_MS);
          if (found) errors.push(Math.abs(found.ms - truth.ms));
          else missed++;
        }
        const truthEvents: Event[] = [
          ...call.truth.user_interrupts_agent.map((e) => ({ at_ms: e.at_ms, who: 'user' as const })),
          ...call.truth.agent_interrupts_user.map((e) => ({ at_ms: e.at_ms, who: 'agent' as const })),
        ];
        const foundEvents: Event[] = [
          ...(metrics.interruptions?.user_interrupts_agent ?? []).map((e) => ({ at_ms: e.at_ms, who: 'user' as const })),
          ...(metrics.interruptions?.agent_interrupts_user ?? []).map((e) => ({ at_ms: e.at_ms, who: 'agent' as const })),
        ];
        interruptionsTrue += truthEvents.length;
        interruptionsFound += foundEvents.length;
        matched += matchCount(truthEvents, foundEvents);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    calls,
    latencies,
    latenciesMissed: missed,
    latencyErrorMedian: nearestRank(errors, 0.5) ?? Number.NaN,
    latencyErrorP95: nearestRank(errors, 0.95) ?? Number.NaN,
    interruptionsTrue,
    interruptionsFound,
    precision: interruptionsFound === 0 ? 1 : matched / interruptionsFound,
    recall: interruptionsTrue === 0 ? 1 : matched / interruptionsTrue,
  };
}

export interface LongFigures {
  minutes: number;
  seconds: number;
  segments: number;
}

/** Generates a long stereo call (kept in `dir` for the listener figure) and times its analysis here. */
export async function benchLongAnalysis(minutes: number, dir: string): Promise<LongFigures & { call: GeneratedCall }> {
  const call = await generateLongCall(minutes, dir);
  const started = performance.now();
  const analysis = await analyseRecording(call.wavPath, { agentChannel: call.agentChannel, agentTurns: [], peaksPerSecond: 100 });
  return { minutes, seconds: (performance.now() - started) / 1000, segments: analysis.segments.length, call };
}
