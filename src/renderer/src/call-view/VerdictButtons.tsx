import { useEffect } from 'react';
import type { Verdict } from '../../../core/model/call';

interface Props {
  verdict: Verdict | null;
  onChange(verdict: Verdict | null): void;
  /** a change can be undone (restoring the verdict before it). */
  canUndo: boolean;
  onUndo(): void;
  onUndoExpired(): void;
}

/** "Mark success" / "Mark failure" (pressing the active one clears it), and Undo for ten seconds after a change. */
export function VerdictButtons({ verdict, onChange, canUndo, onUndo, onUndoExpired }: Props) {
  useEffect(() => {
    if (!canUndo) return;
    const timer = setTimeout(onUndoExpired, 10_000);
    return () => clearTimeout(timer);
  }, [canUndo, onUndoExpired]);

  return (
    <div className="review" role="group" aria-label="Review">
      <button type="button" className={`button ${verdict === 'success' ? 'active success' : ''}`} aria-pressed={verdict === 'success'} onClick={() => onChange(verdict === 'success' ? null : 'success')}>
        Mark success
      </button>
      <button type="button" className={`button ${verdict === 'failure' ? 'active failure' : ''}`} aria-pressed={verdict === 'failure'} onClick={() => onChange(verdict === 'failure' ? null : 'failure')}>
        Mark failure
      </button>
      {canUndo && (
        <button type="button" className="button small" onClick={onUndo}>
          Undo
        </button>
      )}
    </div>
  );
}
