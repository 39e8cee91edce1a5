import type { TrashHandlers } from '../../core/api/contract';
import type { Db } from '../store/db';
import type { EventBus } from './events';
import { restoreCalls, trashCalls, trashedBefore } from '../store/call-trash';
import { deleteCallsForGood } from '../media/delete-calls';

/** The trash's methods: a trashed call leaves every list at once ('deleted'); a restored one comes back ('created'). */
export function createTrashHandlers({ db, events, dataDir, now = () => new Date().toISOString() }: { db: Db; events: EventBus; dataDir: string; now?: () => string }): TrashHandlers {
  return {
    trashCalls: ({ ids }) => {
      const trashed = trashCalls(db, ids, now());
      if (trashed.length > 0) events.emit('calls.changed', { ids: trashed, change: 'deleted' });
      return { trashed: trashed.length, ids: trashed };
    },
    restoreCalls: ({ ids }) => {
      const restored = restoreCalls(db, ids);
      if (restored.length > 0) events.emit('calls.changed', { ids: restored, change: 'created' });
      return { restored: restored.length };
    },
    emptyTrash: () => {
      const deleted = deleteCallsForGood(db, dataDir, trashedBefore(db));
      if (deleted.length > 0) events.emit('calls.changed', { ids: deleted, change: 'deleted' });
      return { deleted: deleted.length };
    },
  };
}
