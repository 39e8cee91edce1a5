import type { TimingMetrics } from '../metrics/compute';
import type { Turn } from '../model/call';
import { detectPii } from '../pii/detect';
import type { Rule } from './definition';
import { NOT_APPLICABLE, type Verdict } from './verdict';

/**
 * Bumped when a rule's judgement of the same call changes (v2: "not applicable" instead of a
 * fail when there is nothing to measure), so results stored under the old reading are not reused.
 */
export const RULES_VERSION = 2;

/** What a rule looks at: the call's facts, its turns, and its best timing figures. */
export interface RuleInput {
  end_reason: string | null;
  duration_s: number | null;
  turns: readonly Turn[];
  metrics: TimingMetrics | null;
}

const pass = (reason: string, evidence: number[] = []): Verdict => ({ verdict: 'pass', score: null, passed: true, reason, evidence });
const fail = (reason: string, evidence: number[] = []): Verdict => ({ verdict: 'fail', score: null, passed: false, reason, evidence });
/**
 * A rule with nothing to measure on this call (no timings, no end reason) passes no judgement: it
 * is neither a pass nor a fail, and stays out of the fail filter and the alignment.
 */
const notApplicable = (reason: string): Verdict => ({ verdict: NOT_APPLICABLE, score: null, passed: null, reason, evidence: [] });

/**
 * The turn a moment belongs to, for evidence: the latest-starting turn of `role` that started at or
 * before it (turns need not be in time order: an interruption starts inside the previous turn).
 */
function turnAt(turns: readonly Turn[], atMs: number, role: Turn['role']): number | null {
  let best: Turn | null = null;
  for (const turn of turns) {
    if (turn.role !== role || turn.start_ms === null || turn.start_ms > atMs) continue;
    if (best === null || best.start_ms === null || turn.start_ms >= best.start_ms) best = turn;
  }
  return best?.idx ?? null;
}

function evidenceAt(turns: readonly Turn[], moments: readonly { at_ms: number; role: Turn['role'] }[]): number[] {
  const found = moments.map((m) => turnAt(turns, m.at_ms, m.role)).filter((idx) => idx !== null);
  return [...new Set(found)].sort((a, b) => a - b);
}

const agentTurns = (turns: readonly Turn[]) => turns.filter((t) => t.role === 'agent');

/** Runs one rule; instant and offline. */
export function runRule(rule: Rule, input: RuleInput): Verdict {
  const { turns, metrics } = input;
  switch (rule.check) {
    case 'latency_p90_under': {
      const p90 = metrics?.latency_ms?.p90 ?? null;
      if (p90 === null) return notApplicable('No agent reply latency could be measured on this call.');
      // a latency is measured at the agent's answer: that turn is the evidence
      const slow = (metrics?.latencies ?? []).filter((l) => l.ms >= rule.max_ms).map((l) => ({ at_ms: l.at_ms, role: 'agent' as const }));
      const text = `Latency p90 is ${Math.round(p90)} ms (limit ${rule.max_ms} ms)`;
      return p90 < rule.max_ms ? pass(`${text}.`) : fail(`${text}; ${slow.length} replies at or over the limit.`, evidenceAt(turns, slow));
    }
    case 'interruptions_under': {
      if (!metrics?.interruptions) return notApplicable('No timings on this call, so interruptions cannot be counted.');
      const { agent_interrupts_user: byAgent, user_interrupts_agent: byUser } = metrics.interruptions;
      const agentOnes = byAgent.map((o) => ({ at_ms: o.at_ms, role: 'agent' as const }));
      const userOnes = byUser.map((o) => ({ at_ms: o.at_ms, role: 'user' as const }));
      // the interrupting turn (the one that started inside the other's) is the evidence
      const counted = rule.by === 'agent' ? agentOnes : rule.by === 'user' ? userOnes : [...agentOnes, ...userOnes];
      const who = rule.by === 'agent' ? 'The agent interrupted the caller' : rule.by === 'user' ? 'The caller interrupted the agent' : 'Interruptions:';
      const text = `${who} ${counted.length} time${counted.length === 1 ? '' : 's'} (limit: under ${rule.max})`;
      return counted.length < rule.max ? pass(`${text}.`) : fail(`${text}.`, evidenceAt(turns, counted));
    }
    case 'agent_phrase': {
      const pattern = new RegExp(rule.pattern, 'i');
      const matching = agentTurns(turns).filter((t) => pattern.test(t.text)).map((t) => t.idx);
      if (rule.mode === 'must') {
        return matching.length > 0 ? pass(`The agent said /${rule.pattern}/.`, matching) : fail(`The agent never said /${rule.pattern}/.`);
      }
      return matching.length === 0 ? pass(`The agent never said /${rule.pattern}/.`) : fail(`The agent said /${rule.pattern}/ in ${matching.length} turn(s).`, matching);
    }
    case 'end_reason_in': {
      if (input.end_reason === null) return notApplicable('The call has no end reason.');
      const allowed = rule.reasons.map((r) => r.toLowerCase());
      const ok = allowed.includes(input.end_reason.toLowerCase());
      const text = `End reason "${input.end_reason}" ${ok ? 'is' : 'is not'} one of ${rule.reasons.join(', ')}.`;
      const last = turns.at(-1)?.idx;
      return ok ? pass(text) : fail(text, last === undefined ? [] : [last]);
    }
    case 'agent_pii': {
      const wanted = new Set(rule.types);
      const leaks = agentTurns(turns).flatMap((t) => detectPii(t.text, wanted).map((f) => ({ turn: t.idx, type: f.type })));
      if (leaks.length === 0) return pass(`The agent spoke no ${rule.types.join(', ')}.`);
      const types = [...new Set(leaks.map((l) => l.type))].join(', ');
      return fail(`The agent spoke ${types} in ${new Set(leaks.map((l) => l.turn)).size} turn(s).`, [...new Set(leaks.map((l) => l.turn))]);
    }
    case 'duration_in_range': {
      if (input.duration_s === null) return notApplicable('The call has no duration.');
      const tooShort = rule.min_s !== null && input.duration_s < rule.min_s;
      const tooLong = rule.max_s !== null && input.duration_s > rule.max_s;
      const range = `${rule.min_s ?? 0}–${rule.max_s ?? '∞'} s`;
      const text = `Duration ${Math.round(input.duration_s)} s ${tooShort || tooLong ? 'is outside' : 'is within'} ${range}.`;
      return tooShort || tooLong ? fail(text) : pass(text);
    }
  }
}
