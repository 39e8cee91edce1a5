import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { CallFacts, Turn } from '../../src/core/model/call';
import { agentResponseLatencies, timingAvailability, userInterruptsAgent } from '../../src/core/metrics/transcript-timing';

/**
 * The payload corpus (`test/fixtures/corpus`, a copy of the project's dev corpus): every payload with the facts a correct importer
 * must extract. Used by the per-format unit tests and by the listener / importer tests alike.
 */
export const corpusRoot = join(__dirname, '../fixtures/corpus');

export interface Expected {
  accept: boolean;
  provider: string;
  source_format: string;
  external_call_id: string | null;
  [key: string]: unknown;
}

export interface CorpusCase {
  /** `vapi/eocr_basic` */
  name: string;
  provider: string;
  file: string;
  bytes: Buffer;
  payload: unknown;
  expected: Expected;
  headers: { headers: Record<string, string>; note: string } | null;
}

export function loadCorpus(provider?: string): CorpusCase[] {
  const providers = provider ? [provider] : readdirSync(corpusRoot, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  return providers.flatMap((dir) =>
    readdirSync(join(corpusRoot, dir))
      .filter((file) => file.endsWith('.json') && !file.endsWith('.expected.json') && !file.endsWith('.headers.json'))
      .sort()
      .map((file) => {
        const path = join(corpusRoot, dir, file);
        const bytes = readFileSync(path);
        const headersPath = path.replace(/\.json$/, '.headers.json');
        return {
          name: `${dir}/${file.replace(/\.json$/, '')}`,
          provider: dir,
          file: path,
          bytes,
          payload: JSON.parse(bytes.toString('utf8')),
          expected: JSON.parse(readFileSync(path.replace(/\.json$/, '.expected.json'), 'utf8')),
          headers: existsSync(headersPath) ? JSON.parse(readFileSync(headersPath, 'utf8')) : null,
        };
      }),
  );
}

/** Keys of format-specific facts, looked up in the call's `extra` (then `metadata`). */
const channelFacts = new Set(['main_agent_channel_index', 'agent_channel_assumed']);
const standardKeys = new Set([
  'accept', 'provider', 'source_format', 'external_call_id', 'agent_id', 'started_at', 'ended_at', 'duration_seconds',
  'from_number', 'to_number', 'customer_number', 'end_reason', 'recording_url', 'stereo_recording_url', 'num_turns',
  'role_sequence', 'first_agent_text', 'tool_calls', 'timing_available', 'has_word_timings', 'agent_response_latencies_ms',
  'user_interrupts_agent', 'agent_turns_flagged_interrupted', 'cost_usd', 'call_status', 'notes', 'expected_outcome',
]);

type CallLike = Omit<CallFacts, 'external_id'> & { external_id: string | null };

function sameInstant(actual: string | null, expected: unknown, label: string) {
  if (expected === null) expect(actual, label).toBeNull();
  else expect(Date.parse(actual ?? ''), `${label}: ${actual} vs ${String(expected)}`).toBe(Date.parse(String(expected)));
}

function within(actual: number | null, expected: unknown, tolerance: number, label: string) {
  if (expected === null) expect(actual, label).toBeNull();
  else expect(Math.abs((actual ?? Number.NaN) - Number(expected)), `${label}: ${actual} vs ${String(expected)}`).toBeLessThanOrEqual(tolerance);
}

/** Asserts every fact of an `.expected.json` against a normalized (or stored) call. */
export function expectFacts(call: CallLike, turns: readonly Turn[], expected: Expected): void {
  const label = (key: string) => `${expected.source_format} ${key}`;
  expect(call.provider, label('provider')).toBe(expected.provider);
  expect(call.source_format, label('source_format')).toBe(expected.source_format);
  if (expected.external_call_id === null) {
    // the format has no id: the importer synthesizes one (a content hash), or leaves it null before storing
    expect(call.external_id === null || call.external_id.startsWith('sha256:'), label('external_call_id')).toBe(true);
  } else {
    expect(call.external_id, label('external_call_id')).toBe(expected.external_call_id);
  }
  expect(call.agent_id, label('agent_id')).toBe(expected.agent_id);
  sameInstant(call.started_at, expected.started_at, label('started_at'));
  sameInstant(call.ended_at, expected.ended_at, label('ended_at'));
  within(call.duration_s, expected.duration_seconds, 0.999, label('duration_seconds'));
  for (const key of ['from_number', 'to_number', 'customer_number', 'end_reason', 'recording_url', 'stereo_recording_url'] as const) {
    expect(call[key], label(key)).toBe(expected[key]);
  }
  // the expected files round costs to 4 decimals (Retell states cents with more)
  within(call.cost_usd, expected.cost_usd, 1e-4, label('cost_usd'));
  expect(call.status, label('call_status')).toBe(expected.call_status);

  expect(turns.length, label('num_turns')).toBe(expected.num_turns);
  expect(turns.map((t) => t.role), label('role_sequence')).toEqual(expected.role_sequence);
  expect(turns.find((t) => t.role === 'agent')?.text ?? null, label('first_agent_text')).toBe(expected.first_agent_text);
  expect(turns.filter((t) => t.role === 'tool').map((t) => t.tool?.name), label('tool_calls')).toEqual(expected.tool_calls);
  const timing = timingAvailability(turns);
  if (timing !== null) expect(timing, label('timing_available')).toBe(expected.timing_available);
  expect(turns.some((t) => (t.words?.length ?? 0) > 0), label('has_word_timings')).toBe(expected.has_word_timings);

  const latencies = agentResponseLatencies(turns).map((l) => l.ms);
  const expectedLatencies = expected.agent_response_latencies_ms as number[];
  expect(latencies.length, `${label('agent_response_latencies_ms')}: ${latencies}`).toBe(expectedLatencies.length);
  latencies.forEach((ms, i) => within(ms, expectedLatencies[i], 1, label(`agent_response_latencies_ms[${i}]`)));
  const overlaps = userInterruptsAgent(turns);
  const expectedOverlaps = expected.user_interrupts_agent as { agent_turn: number; user_turn: number; overlap_ms: number }[];
  expect(overlaps.map((o) => [o.agent_turn, o.user_turn]), label('user_interrupts_agent')).toEqual(expectedOverlaps.map((o) => [o.agent_turn, o.user_turn]));
  overlaps.forEach((o, i) => within(o.overlap_ms, expectedOverlaps[i]?.overlap_ms, 1, label(`user_interrupts_agent[${i}].overlap_ms`)));
  const flagged = turns.filter((t) => t.role === 'agent' && t.interrupted === true).map((t) => t.idx);
  expect(flagged, label('agent_turns_flagged_interrupted')).toEqual(expected.agent_turns_flagged_interrupted);

  for (const [key, value] of Object.entries(expected)) {
    if (standardKeys.has(key)) continue;
    if (key === 'provider_platform') expect(call.platform, label(key)).toBe(value);
    else if (channelFacts.has(key)) expect(call.agent_channel, label(key)).toBe(value);
    else expect(call.extra?.[key] ?? call.metadata?.[key] ?? null, label(key)).toEqual(value);
  }
}
