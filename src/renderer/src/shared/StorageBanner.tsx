import { useApiQuery } from '../query/api-query';
import { formatInstant } from './format';

/**
 * While the data folder's disk is full, new calls are answered 507 and nothing is stored: say so
 * until a write succeeds again (the listener recovers by itself once space is freed). Read once;
 * the 'storage.changed' event writes each change into the same read (query/events.ts).
 */
export function StorageBanner() {
  const { data: status } = useApiQuery('getStorageStatus', {});
  if (!status?.disk_full) return null;
  return (
    <p role="alert" className="error banner">
      The disk holding the data folder is full: calls sent now are refused and not stored. Free some space; Callscope takes
      calls again on its own. {status.since ? `(Since ${formatInstant(status.since)}.)` : ''}
    </p>
  );
}
