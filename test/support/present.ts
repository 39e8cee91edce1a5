/**
 * The value, or a failing test when it is missing. For assertions that would otherwise run on a
 * stand-in (`x?.y ?? 0`, `list[i] ?? []`) and could pass when the thing they check is not there.
 */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}, found ${String(value)}`);
  return value;
}
