import type { ReactNode } from 'react';
import type { CallPii } from '../../../core/pii/call-findings';
import { PII_TYPES, type PiiType } from '../../../core/pii/types';
import { formatOffset } from '../shared/format';
import { usePlayer } from './player';

interface Props {
  pii: CallPii | null;
  type: PiiType | null;
  onType(type: PiiType | null): void;
  redacted: boolean;
  onRedacted(redacted: boolean): void;
  /** controls that act on the findings shown (the export). */
  actions?: ReactNode;
}

/** The personal data a call exposes: a type filter, the redacted-view toggle, and each finding (click to seek). */
export function PiiPanel({ pii, type, onType, redacted, onRedacted, actions }: Props) {
  const seek = usePlayer((s) => s.seek);
  if (!pii) return null;
  return (
    <section className="pii" aria-label="Personal data">
      <div className="pii-head">
        <span className="section-title">Personal data · {pii.findings.length}</span>
        <select aria-label="PII type" value={type ?? ''} onChange={(e) => onType(PII_TYPES.find((t) => t === e.target.value) ?? null)}>
          <option value="">all types</option>
          {PII_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <label>
          <input type="checkbox" checked={redacted} onChange={(e) => onRedacted(e.target.checked)} /> Redacted view
        </label>
        {actions}
      </div>
      {pii.findings.length > 0 && (
        <ul className="pii-list" aria-label="Findings">
          {pii.findings.map((f, i) => (
            <li key={`${f.turn}-${f.start}-${i}`}>
              <button type="button" className="link" disabled={f.start_ms === null} onClick={() => f.start_ms !== null && seek(f.start_ms)}>
                <span className="pii-type">{f.type}</span> <span className="mono">{formatOffset(f.start_ms)}</span> {redacted ? '' : f.text}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
