import { transcriptLabels } from '../formats/transcript-array';

/**
 * The formats an import read its calls as, in words for its summary: "2 × vapi.server-message.end-of-call-report,
 * 1 × Retell transcript (a bare array of turns)". A bare transcript is named by its platform, since
 * nothing else in it says where it came from.
 */
export function formatsInWords(formats: Readonly<Record<string, number>>): string {
  return Object.entries(formats)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([format, calls]) => `${calls} × ${formatName(format)}`)
    .join(', ');
}

export function formatName(sourceFormat: string): string {
  const type = /^(\w+)\.transcript$/.exec(sourceFormat)?.[1];
  const label = Object.entries(transcriptLabels).find(([key]) => key === type)?.[1] ?? null;
  return label ? `${label} transcript (a bare array of turns)` : sourceFormat;
}
