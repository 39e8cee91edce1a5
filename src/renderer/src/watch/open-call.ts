import { useCallList } from '../calls/store';
import { usePage } from '../pages/store';
import { FLAGGED_FILTER } from '../views/apply-view';

/** Opens a call beside the list (from an activity entry or a notification), whatever page is shown. */
export function openCall(callId: number): void {
  usePage.getState().open('calls');
  useCallList.getState().select(callId);
}

/** Shows the Flagged view (a notification about many calls at once). */
export function openFlagged(): void {
  usePage.getState().open('calls');
  useCallList.getState().setFilter(FLAGGED_FILTER);
}
