import type { CallFacts, Turn } from '../model/call';
import { isRecord } from '../formats/types';
import { nearestRank } from './percentile';

/**
 * Reply latency by stage as the platform reported it (issue 16; docs/METRICS.md "Latency by
 * stage"): for each reply, how long the platform says end-of-turn detection, speech-to-text, the
 * LLM's first token and the voice's first byte took, and its own end-to-end figure. Read from what
 * the normalizers kept in `provider_metrics`:
 * - Vapi `performanceMetrics.turnLatencies[]`: endpointing, transcriber, model, voice, turnLatency (ms);
 * - Retell `latency.{asr,llm,tts,e2e}.values` (ms), one list per stage whose lengths differ (the
 *   greeting has an llm/tts figure, no e2e), so only `e2e` is tied to a reply; the others are per call;
 * - LiveKit message metrics (s): the caller's message carries end_of_turn_delay and
 *   transcription_delay, the agent's answer llm_node_ttft, tts_node_ttfb and e2e_latency;
 * - ElevenLabs `conversation_turn_metrics` on the agent's turn (s): convai_llm_service_ttfb,
 *   convai_tts_service_ttfb; no end-to-end figure.
 */

export const STAGES = ['endpointing', 'transcriber', 'llm', 'tts', 'e2e'] as const;
export type Stage = (typeof STAGES)[number];
export type StageFigures = Partial<Record<Stage, number>>;

export interface ReplyStages {
  /** the agent turn that replies (transcript index), where the payload ties the figures to one. */
  turn: number | null;
  stages: StageFigures;
}

export interface StageLatencies {
  /** one entry per reply the platform reported, in call order. */
  replies: ReplyStages[];
  /** p50 / p90 / count of each stage over the call (every value the platform gave). */
  per_call: Partial<Record<Stage, { p50: number | null; p90: number | null; count: number }>>;
}

type Metrics = Record<string, unknown>;

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const ms = (value: unknown, scale = 1): number | undefined => (finite(value) ? Math.round(value * scale) : undefined);

/** Drops the stages a payload did not give, so `{llm: undefined}` never reaches the API. */
function given(figures: Record<Stage, number | undefined>): StageFigures {
  return Object.fromEntries(Object.entries(figures).filter(([, value]) => value !== undefined));
}

function vapi(metrics: Metrics): { replies: ReplyStages[]; values: Partial<Record<Stage, number[]>> } {
  const list = Array.isArray(metrics.turnLatencies) ? metrics.turnLatencies.filter(isRecord) : [];
  const replies = list.map((t) => ({
    turn: null,
    stages: given({ endpointing: ms(t.endpointingLatency), transcriber: ms(t.transcriberLatency), llm: ms(t.modelLatency), tts: ms(t.voiceLatency), e2e: ms(t.turnLatency) }),
  }));
  return { replies, values: valuesOf(replies) };
}

function retell(metrics: Metrics): { replies: ReplyStages[]; values: Partial<Record<Stage, number[]>> } {
  const list = (key: string): number[] => {
    const block = metrics[key];
    return isRecord(block) && Array.isArray(block.values) ? block.values.filter(finite).map((v) => Math.round(v)) : [];
  };
  const e2e = list('e2e');
  return { replies: e2e.map((value) => ({ turn: null, stages: { e2e: value } })), values: { transcriber: list('asr'), llm: list('llm'), tts: list('tts'), e2e } };
}

/** LiveKit: each agent message's figures with those of the caller's message before it. */
function livekit(metrics: Metrics, turns: readonly Turn[]): { replies: ReplyStages[]; values: Partial<Record<Stage, number[]>> } {
  const list = Array.isArray(metrics.turns) ? metrics.turns.filter(isRecord) : [];
  const replies: ReplyStages[] = [];
  let caller: Metrics | null = null;
  for (const entry of list) {
    const turn = finite(entry.turn) ? turns[entry.turn] : undefined;
    if (turn?.role === 'user') caller = entry;
    if (turn?.role !== 'agent') continue;
    const stages = given({
      endpointing: ms(caller?.end_of_turn_delay, 1000),
      transcriber: ms(caller?.transcription_delay, 1000),
      llm: ms(entry.llm_node_ttft, 1000),
      tts: ms(entry.tts_node_ttfb, 1000),
      e2e: ms(entry.e2e_latency, 1000),
    });
    caller = null;
    if (Object.keys(stages).length > 0) replies.push({ turn: turn.idx, stages });
  }
  return { replies, values: valuesOf(replies) };
}

function elevenlabs(metrics: Metrics): { replies: ReplyStages[]; values: Partial<Record<Stage, number[]>> } {
  const list = Array.isArray(metrics.conversation_turn_metrics) ? metrics.conversation_turn_metrics.filter(isRecord) : [];
  const seconds = (figures: unknown, key: string) => {
    const figure = isRecord(figures) ? figures[key] : undefined;
    return ms(isRecord(figure) ? figure.elapsed_time : undefined, 1000);
  };
  const replies = list.flatMap((entry) => {
    const stages = given({ endpointing: undefined, transcriber: undefined, llm: seconds(entry.metrics, 'convai_llm_service_ttfb'), tts: seconds(entry.metrics, 'convai_tts_service_ttfb'), e2e: undefined });
    return Object.keys(stages).length > 0 ? [{ turn: finite(entry.turn) ? entry.turn : null, stages }] : [];
  });
  return { replies, values: valuesOf(replies) };
}

function valuesOf(replies: readonly ReplyStages[]): Partial<Record<Stage, number[]>> {
  const values: Partial<Record<Stage, number[]>> = {};
  for (const reply of replies) {
    for (const stage of STAGES) {
      const value = reply.stages[stage];
      if (value !== undefined) (values[stage] ??= []).push(value);
    }
  }
  return values;
}

const readers: Record<string, (metrics: Metrics, turns: readonly Turn[]) => { replies: ReplyStages[]; values: Partial<Record<Stage, number[]>> }> = {
  vapi,
  retell,
  'wrapped-retell': retell,
  livekit,
  elevenlabs,
};

/** The platform's stage figures of a call; null when its payload reports none. */
export function stageLatencies(call: Pick<CallFacts, 'provider' | 'provider_metrics'>, turns: readonly Turn[]): StageLatencies | null {
  const read = readers[call.provider];
  if (!read || !call.provider_metrics) return null;
  const { replies, values } = read(call.provider_metrics, turns);
  const perCall: StageLatencies['per_call'] = {};
  for (const stage of STAGES) {
    const list = values[stage];
    if (list && list.length > 0) perCall[stage] = { p50: nearestRank(list, 0.5), p90: nearestRank(list, 0.9), count: list.length };
  }
  return replies.length === 0 && Object.keys(perCall).length === 0 ? null : { replies, per_call: perCall };
}
