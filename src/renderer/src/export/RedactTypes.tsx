import { PII_TYPES, type PiiType } from '../../../core/pii/types';

export interface DetectedType {
  type: PiiType;
  count: number;
}

/** A type as people say it: "phone number", "credit card". */
export const plainType = (type: PiiType): string => type.replace(/_/g, ' ');

interface Props {
  /** the types found in the call; null for a selection of calls (every type is offered). */
  detected: DetectedType[] | null | 'loading';
  kept: ReadonlySet<PiiType>;
  onKept(kept: ReadonlySet<PiiType>): void;
}

/** The types the export redacts, all ticked; what the user unticks is named as left in clear. */
export function RedactTypes({ detected, kept, onKept }: Props) {
  if (detected === 'loading') return <p className="muted small">Finding the personal data in this call…</p>;
  const offered: DetectedType[] | { type: PiiType; count: null }[] = detected ?? PII_TYPES.map((type) => ({ type, count: null }));
  const toggle = (type: PiiType, redact: boolean) => {
    const next = new Set(kept);
    if (redact) next.delete(type);
    else next.add(type);
    onKept(next);
  };
  const inClear = offered.filter((o) => kept.has(o.type));
  return (
    <fieldset className="redact-types">
      <legend>Redact</legend>
      {offered.length === 0 && <p className="muted small">No personal data was found in this call.</p>}
      <div className={detected === null ? 'redact-type-grid' : undefined}>
        {offered.map(({ type, count }) => (
          <label key={type}>
            <input type="checkbox" checked={!kept.has(type)} onChange={(e) => toggle(type, e.target.checked)} /> {plainType(type)}
            {count !== null && <span className="muted"> ({count} found)</span>}
          </label>
        ))}
      </div>
      {inClear.length > 0 ? (
        <p role="alert" className="warning">
          Left in clear in the exported files: {inClear.map((o) => (o.count === null ? plainType(o.type) : `${plainType(o.type)} (${o.count})`)).join(', ')}.
        </p>
      ) : (
        <p className="muted small">Every type {detected === null ? 'found in these calls' : 'found'} is redacted.</p>
      )}
    </fieldset>
  );
}
