/** The 29 entity types of Cekura's `redact_fields` enum (seed 003), in the seed's order. */
export const PII_TYPES = [
  'person_name',
  'age',
  'phone_number',
  'email_address',
  'date',
  'time',
  'location',
  'origin',
  'gender_sexuality',
  'physical_attribute',
  'occupation',
  'username',
  'password',
  'ip_address',
  'url',
  'filename',
  'event',
  'vehicle_id',
  'dob',
  'healthcare_number',
  'medical_professional',
  'credit_card',
  'account_number',
  'bank_account',
  'money',
  'ssn',
  'passport_number',
  'driver_license',
  'numerical_pii',
] as const;

export type PiiType = (typeof PII_TYPES)[number];

/** One detected entity: `[start, end)` are character offsets into the text that was scanned. */
export interface Finding {
  type: PiiType;
  start: number;
  end: number;
  text: string;
  /** 0..1; when findings overlap, the higher score wins. */
  score: number;
}

/** Whether `[a.start, a.end)` and `[b.start, b.end)` share at least one character. */
export function spansOverlap(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Keeps the best finding of every group of overlapping ones: higher score first, then the longer
 * span, then the earlier one. The result is sorted by start.
 */
export function resolveOverlaps(findings: readonly Finding[]): Finding[] {
  const ranked = [...findings].sort(
    (a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Finding[] = [];
  for (const finding of ranked) {
    if (!kept.some((other) => spansOverlap(other, finding))) kept.push(finding);
  }
  return kept.sort((a, b) => a.start - b.start);
}
