import { createHash } from 'node:crypto';
import { RULES_VERSION, type RuleInput } from '../../core/evaluators/rules';
import type { StoredCall, Turn } from '../../core/model/call';
import type { TimingMetrics } from '../../core/metrics/compute';
import { getCall } from '../store/calls';
import type { Db } from '../store/db';
import { transcriptTimingMetrics } from '../../core/metrics/compute';
import { loadSource } from '../store/metrics';
import { listTurns } from '../store/turns';

/** What an evaluator sees of a call, and a digest of it: equal digests mean an unchanged call. */
export interface CallInput extends RuleInput {
  call: StoredCall;
  key: string;
}

export function loadCallInput(db: Db, callId: number): CallInput | null {
  const call = getCall(db, callId);
  if (!call) return null;
  const turns = listTurns(db, callId);
  // The recording's figures when it has been analysed: they are the ones the review screen shows.
  // Else the transcript's, without word counts (most of their cost; no rule reads them).
  const audio = loadSource(db, callId, 'audio');
  return callInputOf(call, turns, audio ?? transcriptOf(turns), audio ? 'audio' : 'transcript');
}

/** A call's transcript figures as rules read them (none without turns); word counts left out. */
export const transcriptOf = (turns: readonly Turn[]): TimingMetrics | null => (turns.length > 0 ? transcriptTimingMetrics(turns, { countWords: false }) : null);

/**
 * The input from a call's parts, read back (loadCallInput) or in hand at ingest (a created call's
 * turns as stored, and the transcript figures ingest computed): equal parts, equal key.
 */
export function callInputOf(call: StoredCall, turns: readonly Turn[], metrics: TimingMetrics | null, source: 'audio' | 'transcript'): CallInput {
  const key = createHash('sha256')
    .update(
      JSON.stringify({
        turns: turns.map((t) => [t.role, t.text, t.start_ms, t.end_ms, t.tool]),
        end_reason: call.end_reason,
        duration_s: call.duration_s,
        metrics_source: source,
        latency: metrics?.latency_ms?.p90 ?? null,
        interruptions: metrics?.interruptions ? [metrics.interruptions.agent_interrupts_user.length, metrics.interruptions.user_interrupts_agent.length] : null,
      }),
    )
    .digest('base64url')
    .slice(0, 22);
  return { call, turns, metrics, end_reason: call.end_reason, duration_s: call.duration_s, key };
}

/** What a rule saw: the call's content under this reading of the rules (a watch result and a run's share it, so either reuses the other's). */
export const ruleInputKey = (input: CallInput): string => `${input.key}:rules-v${RULES_VERSION}`;
