import { useState } from 'react';
import { ExportDialog } from './ExportDialog';

/** "Export redacted…": opens the export dialog for one call or a selection. */
export function ExportButton({ callIds, audioUnavailable }: { callIds: readonly number[]; audioUnavailable: string | null }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button small" disabled={callIds.length === 0} onClick={() => setOpen(true)}>
        Export redacted…
      </button>
      {open && <ExportDialog callIds={callIds} audioUnavailable={audioUnavailable} onClose={() => setOpen(false)} />}
    </>
  );
}
