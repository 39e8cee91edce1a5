import type { CallFacts } from '../model/call';
import { isRecord } from '../formats/types';
import { distribution, type Distribution } from './percentile';

/**
 * End-to-end reply latency as the platform itself reported it (source `provider`), read from the
 * figures each normalizer kept in `provider_metrics`: Retell `latency.e2e.values`, Vapi
 * `performanceMetrics.turnLatencies[].turnLatency`, LiveKit per-turn `e2e_latency` (seconds).
 * Platforms that report only component latencies (ElevenLabs LLM/TTS time to first byte) have
 * no end-to-end figure: null.
 */
function numbers(values: unknown, scale = 1): number[] {
  return Array.isArray(values) ? values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).map((v) => v * scale) : [];
}

function retell(metrics: Record<string, unknown>): number[] {
  return isRecord(metrics.e2e) ? numbers(metrics.e2e.values) : [];
}

function vapi(metrics: Record<string, unknown>): number[] {
  if (!Array.isArray(metrics.turnLatencies)) return [];
  return numbers(metrics.turnLatencies.map((t: unknown) => (isRecord(t) ? t.turnLatency : null)));
}

function livekit(metrics: Record<string, unknown>): number[] {
  if (!Array.isArray(metrics.turns)) return [];
  return numbers(metrics.turns.map((t: unknown) => (isRecord(t) ? t.e2e_latency : null)), 1000);
}

const readers: Record<string, (metrics: Record<string, unknown>) => number[]> = { retell, 'wrapped-retell': retell, vapi, livekit };

export function providerLatencies(call: Pick<CallFacts, 'provider' | 'provider_metrics'>): number[] {
  const read = readers[call.provider];
  return read && call.provider_metrics ? read(call.provider_metrics).map((ms) => Math.round(ms)) : [];
}

export function providerLatency(call: Pick<CallFacts, 'provider' | 'provider_metrics'>): Distribution | null {
  const values = providerLatencies(call);
  return values.length > 0 ? distribution(values) : null;
}

/** Seed 002's component latencies (median ms) where the platform reports them; null otherwise. */
export interface ComponentLatencies {
  stt_latency_ms: number | null;
  llm_latency_ms: number | null;
  tts_latency_ms: number | null;
}

const median = (values: number[]): number | null => (values.length > 0 ? (distribution(values).p50 ?? null) : null);

function fieldValues(list: unknown, key: string, scale = 1): number[] {
  return Array.isArray(list) ? numbers(list.map((item: unknown) => (isRecord(item) ? item[key] : null)), scale) : [];
}

export function providerComponentLatencies(call: Pick<CallFacts, 'provider' | 'provider_metrics'>): ComponentLatencies {
  const m = call.provider_metrics;
  const none = { stt_latency_ms: null, llm_latency_ms: null, tts_latency_ms: null };
  if (!m) return none;
  if (call.provider === 'retell' || call.provider === 'wrapped-retell') {
    const p50 = (key: string) => (isRecord(m[key]) && typeof m[key].p50 === 'number' ? m[key].p50 : null);
    return { stt_latency_ms: p50('asr'), llm_latency_ms: p50('llm'), tts_latency_ms: p50('tts') };
  }
  if (call.provider === 'vapi') {
    return {
      stt_latency_ms: median(fieldValues(m.turnLatencies, 'transcriberLatency')),
      llm_latency_ms: median(fieldValues(m.turnLatencies, 'modelLatency')),
      tts_latency_ms: median(fieldValues(m.turnLatencies, 'voiceLatency')),
    };
  }
  if (call.provider === 'livekit') {
    return {
      stt_latency_ms: median(fieldValues(m.turns, 'transcription_delay', 1000)),
      llm_latency_ms: median(fieldValues(m.turns, 'llm_node_ttft', 1000)),
      tts_latency_ms: median(fieldValues(m.turns, 'tts_node_ttfb', 1000)),
    };
  }
  return none;
}
