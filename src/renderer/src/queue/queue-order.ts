import type { QueueCalls } from '../../../core/api/triage-contract';

/**
 * Moving through a queue: pure functions over its calls in list order (getQueue under the list's
 * sort), with the verdicts given here that its read may not show yet laid over them.
 */

/** The calls with the reviewed state given here laid over what the read says. */
export function withMarks(calls: QueueCalls, marked: ReadonlyMap<number, { reviewed: boolean }>): QueueCalls {
  if (marked.size === 0) return calls;
  return calls.map((call) => {
    const reviewed = marked.get(call.call_id)?.reviewed;
    return reviewed === undefined || reviewed === call.reviewed ? call : { ...call, reviewed };
  });
}

/** The first unreviewed call after `afterCallId` (from the top when it is none or not in the queue), wrapping; null when every call is reviewed. */
export function nextUnreviewedIn(calls: QueueCalls, afterCallId: number | null): number | null {
  const at = afterCallId === null ? -1 : calls.findIndex((call) => call.call_id === afterCallId);
  const ordered = [...calls.slice(at + 1), ...calls.slice(0, at + 1)];
  return ordered.find((call) => !call.reviewed && call.call_id !== afterCallId)?.call_id ?? null;
}

/** "14 of 50 reviewed", or "All 50 reviewed" at the end. */
export function progressText(reviewed: number, total: number): string {
  const count = (n: number) => n.toLocaleString('en-US');
  return reviewed >= total && total > 0 ? `All ${count(total)} reviewed` : `${count(reviewed)} of ${count(total)} reviewed`;
}
