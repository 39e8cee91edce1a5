import { resolveOverlaps, type Finding } from './types';

/**
 * Replaces every finding's span by `<TYPE_IN_CAPS>` (`<PHONE_NUMBER>`). Overlapping findings are
 * merged first: the higher score keeps its span and type, the other is dropped.
 */
export function redactText(text: string, findings: readonly Finding[]): string {
  const inBounds = findings.filter((f) => f.start >= 0 && f.end <= text.length && f.start < f.end);
  let out = '';
  let cursor = 0;
  for (const finding of resolveOverlaps(inBounds)) {
    out += text.slice(cursor, finding.start) + `<${finding.type.toUpperCase()}>`;
    cursor = finding.end;
  }
  return out + text.slice(cursor);
}
