import type { Turn } from '../model/call';
import { distribution, type Distribution } from './percentile';
import { segmentLatencies, timeToFirstWord, transcriptLatencies, type Handoff } from './handoffs';
import { classifyOverlaps } from './overlaps';
import { overlapVerdicts, type OverlapVerdict } from './overlap-verdicts';
import { isMeasurable, segmentsFromTurns, type Speaker, type SpeechSegment } from './segments';
import { DEFAULT_SILENCE_THRESHOLD_MS, silence } from './silence';
import { countWords, speechTime, talkRatio, wordsPerMinute } from './talk';
import { minOf } from '../model/extremes';

export { countWords };

export interface TimingOptions {
  silenceThresholdMs: number;
}

export const defaultTimingOptions: TimingOptions = { silenceThresholdMs: DEFAULT_SILENCE_THRESHOLD_MS };

export interface OverlapFigure {
  at_ms: number;
  overlap_ms: number;
}

/** How many interruptions both ways; null when they could not be measured. */
export function interruptionCount(metrics: Pick<TimingMetrics, 'interruptions'> | null | undefined): number | null {
  const found = metrics?.interruptions;
  return found ? found.user_interrupts_agent.length + found.agent_interrupts_user.length : null;
}

/** Every figure of docs/METRICS.md for one source (transcript or audio). */
export interface TimingMetrics {
  latencies: Handoff[];
  latency_ms: Distribution | null;
  ttfw_ms: number | null;
  /** null when no speech could be placed in time (turns without times): unknown, not "none". */
  interruptions: {
    user_interrupts_agent: OverlapFigure[];
    agent_interrupts_user: OverlapFigure[];
    backchannels: (OverlapFigure & { speaker: Speaker })[];
  } | null;
  /** longest_ms is null when no speech could be placed in time. */
  silence: { longest_ms: number | null; segments: { start_ms: number; end_ms: number }[] };
  talk_ratio: number | null;
  wpm: { agent: number | null; user: number | null };
  speech_ms: { agent: number; user: number };
  /** each overlap's class (issue 16); absent from metrics stored before it existed. */
  overlaps?: OverlapVerdict[];
}

export interface WordCounts {
  agent: number;
  user: number;
}

function resolve(options: Partial<TimingOptions> | undefined): TimingOptions {
  return { silenceThresholdMs: options?.silenceThresholdMs ?? defaultTimingOptions.silenceThresholdMs };
}

/** Everything but the latencies, which differ by source. */
function measure(
  segments: readonly SpeechSegment[],
  words: WordCounts | null,
  options: TimingOptions,
  latencies: (backchannels: ReadonlySet<SpeechSegment>) => Handoff[],
): TimingMetrics {
  const events = classifyOverlaps(segments);
  const figure = (e: { at_ms: number; overlap_ms: number }): OverlapFigure => ({ at_ms: e.at_ms, overlap_ms: e.overlap_ms });
  const backchannels = events.filter((e) => e.kind === 'backchannel');
  const interruptions = events.filter((e) => e.kind === 'interruption');
  const handoffs = latencies(new Set(backchannels.flatMap((e) => e.parts)));
  const time = speechTime(segments);
  return {
    latencies: handoffs,
    latency_ms: handoffs.length === 0 ? null : distribution(handoffs.map((h) => h.ms)),
    ttfw_ms: timeToFirstWord(segments),
    interruptions:
      segments.length === 0
        ? null
        : {
            user_interrupts_agent: interruptions.filter((e) => e.speaker === 'user').map(figure),
            agent_interrupts_user: interruptions.filter((e) => e.speaker === 'agent').map(figure),
            backchannels: backchannels.map((e) => ({ ...figure(e), speaker: e.speaker })),
          },
    silence: silence(segments, options.silenceThresholdMs),
    talk_ratio: talkRatio(time),
    wpm: { agent: wordsPerMinute(words?.agent ?? null, time.agent), user: wordsPerMinute(words?.user ?? null, time.user) },
    speech_ms: time,
    overlaps: overlapVerdicts(segments),
  };
}

/**
 * Metrics from a transcript's turn times: latencies by the corpus rule, everything else on the
 * segments of the timed spoken turns. Words are counted on those same turns, so a turn without
 * times adds neither words nor minutes to words per minute.
 */
export function transcriptTimingMetrics(turns: readonly Turn[], options?: Partial<TimingOptions> & { countWords?: boolean }): TimingMetrics {
  const segments = segmentsFromTurns(turns);
  // Counting words is most of the cost; ingestion, which needs only the headline figures, skips it.
  let words: WordCounts | null = null;
  if (options?.countWords !== false) {
    words = { agent: 0, user: 0 };
    for (const segment of segments) words[segment.speaker] += countWords(segment.text ?? '');
  }
  const metrics = measure(segments, words, resolve(options), () => transcriptLatencies(turns));
  // TTFW needs only a start: transcripts with start times but no end times still have one.
  const agentStarts = turns.flatMap((t) => (t.role === 'agent' && t.start_ms !== null && Number.isFinite(t.start_ms) ? [t.start_ms] : []));
  return { ...metrics, ttfw_ms: minOf(agentStarts) };
}

/**
 * Metrics from speech segments (audio voice activity, or any other source): latencies by the
 * segment rule; words per minute from the given word counts (null when none are given).
 * Segments with non-finite times or an end before their start are ignored.
 */
export function segmentTimingMetrics(
  segments: readonly SpeechSegment[],
  words?: WordCounts | null,
  options?: Partial<TimingOptions>,
): TimingMetrics {
  const measurable = segments.filter(isMeasurable);
  return measure(measurable, words ?? null, resolve(options), (backchannels) => segmentLatencies(measurable, backchannels));
}
