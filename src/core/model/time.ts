/** Parses an instant and returns it as UTC ISO-8601 with milliseconds, or null if unparseable. */
export function toIsoInstant(value: string | number): string | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function instantMs(iso: string | null): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}
