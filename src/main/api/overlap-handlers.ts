import type { OverlapHandlers } from '../../core/api/contract';
import { ApiError } from '../../core/api/errors';
import { classCounts, overlapAgreement, overlapKey } from '../../core/metrics/overlap-review';
import type { Db } from '../store/db';
import type { EventBus } from './events';
import { getCall } from '../store/calls';
import { loadMetrics } from '../store/metrics';
import { confirmedLabels, labelPairs, saveOverlapCounts, setOverlapLabel } from '../store/overlap-labels';

/** Labels on overlaps: stored against the automatic class the overlap has now (the headline source's). */
export function createOverlapHandlers({ db, events, now = () => new Date().toISOString() }: { db: Db; events: EventBus; now?: () => string }): OverlapHandlers {
  return {
    labelOverlap: ({ id, at_ms: atMs, class: label }) => {
      if (!getCall(db, id)) throw new ApiError('not_found', `no call with id ${id}`);
      const stored = loadMetrics(db, id);
      const best = stored.audio ?? stored.transcript;
      const overlap = (best?.overlaps ?? []).find((o) => overlapKey(o.at_ms) === overlapKey(atMs));
      if (!overlap) throw new ApiError('not_found', `call ${id} has no overlap at ${overlapKey(atMs).toLocaleString('en-US')} ms`);
      db.transaction(() => {
        setOverlapLabel(db, id, atMs, label, overlap.class, now());
        saveOverlapCounts(db, id, best);
      }).immediate();
      events.emit('calls.changed', { ids: [id], change: 'labelled' });
      const confirmed = confirmedLabels(db, id);
      return { at_ms: overlap.at_ms, class: overlap.class, confirmed_class: confirmed.get(overlapKey(atMs)) ?? null, counts: classCounts(best?.overlaps ?? [], confirmed) };
    },
    getOverlapAgreement: () => overlapAgreement(labelPairs(db)),
  };
}
