/** JSON-in-TEXT columns: written with stringify, read back defensively. */
export function toJsonColumn(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

export function fromJsonColumn<T>(text: unknown): T | null {
  if (typeof text !== 'string') return null;
  const parsed: T = JSON.parse(text);
  return parsed;
}
