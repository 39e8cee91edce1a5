import type { ApiEvents } from '../../../core/api/types';
import type { FlagEntry } from '../../../core/api/watch-contract';
import { onApiEvent } from '../api';
import { openCall, openFlagged } from './open-call';

/**
 * Desktop notifications for flags raised by watch rules, through the page's own Notification API:
 * the browser's in serve mode (once the user allowed them: "Allow notifications" in Activity),
 * Electron's native ones in the desktop app (its session allows this one permission for the app's
 * own page). Clicking one opens the call.
 */

/** Past this many flags in one batch, one notification stands for them all (an import must not bury the screen). */
const EACH_UP_TO = 3;

export type NotificationState = NotificationPermission | 'unsupported';

export function notificationState(): NotificationState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

function show(title: string, body: string, tag: string, onClick: () => void): void {
  // the tag: two tabs of the same app announce a flag once (the second replaces the first)
  const notification = new Notification(title, { body, tag });
  notification.onclick = () => {
    window.focus();
    onClick();
    notification.close();
  };
}

const titleOf = (flag: FlagEntry) => `Callscope: ${flag.evaluator_name} failed`;
const bodyOf = (flag: FlagEntry) => `${flag.call_external_id}: ${flag.reason}`;

export function announceFlags({ flags, count }: ApiEvents['calls.flagged']): void {
  if (count === 0 || notificationState() !== 'granted') return;
  if (count <= EACH_UP_TO && flags.length === count) {
    for (const flag of flags) show(titleOf(flag), bodyOf(flag), `callscope-flag-${flag.id}`, () => openCall(flag.call_id));
    return;
  }
  const rules = [...new Set(flags.map((f) => f.evaluator_name))];
  show(`Callscope: ${count.toLocaleString('en-US')} calls flagged`, `Failed: ${rules.join(', ')}`, `callscope-flags-${flags.at(-1)?.id ?? 0}`, openFlagged);
}

/** Called once, at start; returns the unsubscribe. */
export function connectWatchNotifications(): () => void {
  return onApiEvent('calls.flagged', announceFlags);
}
