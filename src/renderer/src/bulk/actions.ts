import type { Verdict } from '../../../core/model/call';
import { api } from '../api';
import { queryClient } from '../query/client';
import { toast } from '../shared/toast';
import { errorText } from '../evaluators/store';
import { useTicks } from './ticks';

/**
 * What the ticked calls' bar does, each change with Undo in its message. Every write answers what
 * it changed (the verdicts before, the calls a tag went on or off, the calls trashed), and Undo puts
 * back exactly that: a call that already had the tag keeps it, one that had another verdict gets
 * that one back. The lists refresh on the change's event (query/events.ts).
 */

export const callsText = (n: number): string => `${n.toLocaleString('en-US')} ${n === 1 ? 'call' : 'calls'}`;

/** Runs a write; a failure is said in the message area rather than lost. */
export async function attempt(what: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    toast(`${what} failed: ${errorText(error)}`);
  }
}

const undo = (run: () => Promise<void>, what: string) => ({ label: 'Undo', run: () => void attempt(what, run) });

type Previous = { id: number; verdict: Verdict | null }[];

async function putVerdictsBack(previous: Previous): Promise<void> {
  const byVerdict = new Map<Verdict | null, number[]>();
  for (const { id, verdict } of previous) byVerdict.set(verdict, [...(byVerdict.get(verdict) ?? []), id]);
  for (const [verdict, ids] of byVerdict) await api.setVerdicts({ call_ids: ids, verdict });
  toast(`Verdicts put back on ${callsText(previous.length)}.`);
}

export async function setVerdicts(ids: readonly number[], verdict: Verdict | null): Promise<void> {
  const { previous } = await api.setVerdicts({ call_ids: [...ids], verdict });
  const done = verdict === null ? `Cleared the verdict of ${callsText(previous.length)}.` : `Marked ${callsText(previous.length)} ${verdict}.`;
  toast(done, undo(() => putVerdictsBack(previous), 'Undo'));
}

export async function changeTag(ids: readonly number[], name: string, change: 'add' | 'remove'): Promise<void> {
  const answer = await api.tagCalls(change === 'add' ? { call_ids: [...ids], add: name } : { call_ids: [...ids], remove: name });
  void queryClient.invalidateQueries({ queryKey: ['listTags'] });
  const changed = change === 'add' ? answer.added : answer.removed;
  const untouched = ids.length - changed.length;
  if (changed.length === 0) {
    toast(change === 'add' ? `Every ticked call already has “${answer.tag}”.` : `No ticked call has “${answer.tag}”.`);
    return;
  }
  const done =
    change === 'add'
      ? `Tagged ${callsText(changed.length)} “${answer.tag}”${untouched > 0 ? ` (${untouched} had it already)` : ''}.`
      : `Took “${answer.tag}” off ${callsText(changed.length)}.`;
  toast(
    done,
    undo(async () => {
      await api.tagCalls(change === 'add' ? { call_ids: changed, remove: answer.tag } : { call_ids: changed, add: answer.tag });
      void queryClient.invalidateQueries({ queryKey: ['listTags'] });
      toast(change === 'add' ? `Took “${answer.tag}” off again.` : `Put “${answer.tag}” back.`);
    }, 'Undo'),
  );
}

/** Deletes to the trash: the calls leave the list at once, and Undo brings them back with everything (and their ticks). */
export async function trash(ids: readonly number[]): Promise<void> {
  const { ids: trashed } = await api.trashCalls({ ids: [...ids] });
  useTicks.getState().forget(trashed);
  if (trashed.length === 0) return toast('Those calls were already deleted.');
  toast(
    `Deleted ${callsText(trashed.length)}.`,
    undo(async () => {
      const { restored } = await api.restoreCalls({ ids: trashed });
      useTicks.getState().setTicked(trashed, true);
      toast(`Restored ${callsText(restored)}.`);
    }, 'Undo'),
  );
}
