/**
 * Review writes made in this window (verdict, notes) whose `calls.changed` 'reviewed' event has not
 * come back yet. The write's answer already went into the cache: its echo must not re-read the call.
 * An echo that never comes (the event stream dropped) is forgotten after a while, so a later
 * change made elsewhere is still seen.
 */
const ECHO_WAIT_MS = 10_000;
const pending = new Map<number, number[]>();

export function expectEcho(callId: number): void {
  pending.set(callId, [...(pending.get(callId) ?? []), Date.now() + ECHO_WAIT_MS]);
}

/** A write that failed sends no event. */
export function forgetEcho(callId: number): void {
  pending.set(callId, (pending.get(callId) ?? []).slice(1));
}

/** Whether a 'reviewed' event for the call is the echo of a write made here (and counts it off). */
export function takeEcho(callId: number): boolean {
  const live = (pending.get(callId) ?? []).filter((until) => until > Date.now());
  const [, ...rest] = live;
  if (rest.length > 0) pending.set(callId, rest);
  else pending.delete(callId);
  return live.length > 0;
}
