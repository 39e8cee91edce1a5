import { useEffect, useState } from 'react';
import type { StorageStatus } from '../../../core/api/types';
import { api, onApiEvent } from '../api';

/**
 * While the data folder's disk is full, new calls are answered 507 and nothing is stored: say so
 * until a write succeeds again (the listener recovers by itself once space is freed).
 */
export function StorageBanner() {
  const [status, setStatus] = useState<StorageStatus | null>(null);
  useEffect(() => {
    let live = true;
    const unsubscribe = onApiEvent('storage.changed', setStatus);
    void api
      .getStorageStatus({})
      .then((first) => live && setStatus((current) => current ?? first))
      .catch(() => undefined);
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);
  if (!status?.disk_full) return null;
  return (
    <p role="alert" className="error banner">
      The disk holding the data folder is full: calls sent now are refused and not stored. Free some space; Callscope takes
      calls again on its own. {status.since ? `(Since ${new Date(status.since).toLocaleTimeString()}.)` : ''}
    </p>
  );
}
