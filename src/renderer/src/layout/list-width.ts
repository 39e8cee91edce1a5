/**
 * How wide the call list is: the user's width (dragged or keyed on the splitter) kept inside what
 * the window allows, or a default that suits the window. Pure, so the rules are tested alone.
 */

/** The list never gets narrower than this (the Call column and the essentials need it). */
export const MIN_LIST_WIDTH = 320;
/** The call pane keeps at least this much (the player and the transcript need it). */
export const MIN_CALL_WIDTH = 480;
/** The collapsed list: a strip with the button that brings it back. */
export const COLLAPSED_LIST_WIDTH = 36;
/** The default at a wide window: room for Started, Call, Duration, latency, Verdict and End reason. */
export const DEFAULT_LIST_WIDTH = 700;
/** By default the call pane keeps this much (the transcript beside the tabs), the list taking what is left up to its default. */
export const DEFAULT_CALL_WIDTH = 720;
/** One arrow key press on the splitter; Shift moves four times as far. */
export const KEY_STEP = 16;

export interface WidthBounds {
  min: number;
  max: number;
}

export function listWidthBounds(windowWidth: number): WidthBounds {
  const max = Math.max(MIN_LIST_WIDTH, windowWidth - MIN_CALL_WIDTH);
  return { min: MIN_LIST_WIDTH, max };
}

export function clampListWidth(width: number, windowWidth: number): number {
  const { min, max } = listWidthBounds(windowWidth);
  return Math.round(Math.min(max, Math.max(min, width)));
}

/** The width to draw: the user's, clamped to this window, else the default, narrower where the call pane would be cramped. */
export function listWidthFor(stored: number | null, windowWidth: number): number {
  return clampListWidth(stored ?? Math.min(DEFAULT_LIST_WIDTH, windowWidth - DEFAULT_CALL_WIDTH), windowWidth);
}

/** Where a drag leaves the list: dragged far past the minimum it collapses (as in most editors). */
export function dragResult(startWidth: number, deltaX: number, windowWidth: number): { collapsed: true } | { collapsed: false; width: number } {
  const wanted = startWidth + deltaX;
  if (wanted < MIN_LIST_WIDTH / 2) return { collapsed: true };
  return { collapsed: false, width: clampListWidth(wanted, windowWidth) };
}
