/**
 * The order and visibility of the call list's columns, as the user arranged them in the column
 * chooser. Pure: the columns are ids here; list-columns.tsx turns them into table columns.
 *
 * The saved order may lack columns (an evaluator created since, a column added in a new version)
 * and may name columns that are gone (an evaluator deleted): gone ones are dropped, and a missing
 * one goes right after the column it follows in the default order, so a new evaluator's results
 * land where the defaults put them (after the essentials), not at the far end or the front.
 */

export interface ColumnPrefs {
  /** column ids in the user's order (may be partial or stale: see above). */
  order: readonly string[];
  /** base columns the user hid (evaluator result columns are shown by the evaluators' own choice). */
  hidden: readonly string[];
}

/** Every available column in the user's order; `defaults` is every available column in the default order. */
export function arrangeColumns(defaults: readonly string[], order: readonly string[]): string[] {
  const available = new Set(defaults);
  const arranged = [...new Set(order)].filter((id) => available.has(id));
  const placed = new Set(arranged);
  defaults.forEach((id, index) => {
    if (placed.has(id)) return;
    const before = defaults.slice(0, index).findLast((other) => placed.has(other));
    arranged.splice(before === undefined ? 0 : arranged.indexOf(before) + 1, 0, id);
    placed.add(id);
  });
  return arranged;
}

/** The order with `id` moved `by` places (clamped to the ends). */
export function moveColumn(order: readonly string[], id: string, by: number): string[] {
  const from = order.indexOf(id);
  if (from < 0) return [...order];
  const to = Math.max(0, Math.min(order.length - 1, from + by));
  const next = [...order];
  next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}

/** The order with `id` put where `target` is (a drop in the chooser's list). */
export function dropColumn(order: readonly string[], id: string, target: string): string[] {
  const to = order.indexOf(target);
  return to < 0 ? [...order] : moveColumn(order, id, to - order.indexOf(id));
}
