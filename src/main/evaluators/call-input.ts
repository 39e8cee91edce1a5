import { createHash } from 'node:crypto';
import { RULES_VERSION, type RuleInput } from '../../core/evaluators/rules';
import type { StoredCall } from '../../core/model/call';
import { getCall } from '../store/calls';
import type { Db } from '../store/db';
import { loadMetrics } from '../store/metrics';
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
  const stored = loadMetrics(db, callId, turns);
  // The recording's figures when it has been analysed: they are the ones the review screen shows.
  const metrics = stored.audio ?? stored.transcript;
  const key = createHash('sha256')
    .update(
      JSON.stringify({
        turns: turns.map((t) => [t.role, t.text, t.start_ms, t.end_ms, t.tool]),
        end_reason: call.end_reason,
        duration_s: call.duration_s,
        metrics_source: stored.audio ? 'audio' : 'transcript',
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
