/**
 * Tool arguments and results usually arrive as JSON-encoded strings (and a model can emit invalid
 * JSON): decode what decodes, keep anything else exactly as sent. Absent values become null.
 */
export function decodeJsonText(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
