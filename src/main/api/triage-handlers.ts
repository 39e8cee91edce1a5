import type { TriageHandlers } from '../../core/api/contract';
import type { QueueSample } from '../../core/api/triage-contract';
import type { CallListQuery } from '../../core/api/types';
import { ApiError } from '../../core/api/errors';
import type { Db } from '../store/db';
import type { EventBus } from './events';
import { setVerdict, verdictsOf } from '../store/calls';
import { inListOrder, sampleCallIds } from '../store/call-list';
import { addTag, listTags, removeTag } from '../store/tags';
import { deleteView, listViews, saveView } from '../store/saved-views';
import { listFacets } from '../store/call-facets';
import { createQueue, deleteQueue, listQueues, nextUnreviewed, queueCalls, queueProgress, restoreQueue } from '../store/review-queues';

type CallSort = CallListQuery['sort'];

/** The triage methods (issue 14): tags, verdicts on many calls, saved views and review queues. */

function sampleInWords(sample: QueueSample): string {
  switch (sample.kind) {
    case 'view':
      return `the first ${sample.n} of the view`;
    case 'random':
      return `${sample.n} at random`;
    case 'per_agent':
      return `${sample.n} per agent`;
    case 'worst':
      return `the ${sample.n} worst by ${figureNames[sample.column]}`;
  }
}

const figureNames: Record<Extract<QueueSample, { kind: 'worst' }>['column'], string> = {
  latency_p90_ms: 'reply latency p90',
  latency_p50_ms: 'reply latency p50',
  ttfw_ms: 'time to first word',
  interruption_count: 'interruptions',
  longest_silence_ms: 'longest silence',
  duration_s: 'duration',
};

/** The order a queue is worked in when none is given: the view's, or the worst first. */
function sampleOrder(sample: QueueSample): CallSort {
  if (sample.kind === 'view') return sample.sort;
  if (sample.kind === 'worst') return { column: sample.column, direction: 'desc' };
  return { column: 'started_at', direction: 'desc' };
}

export function createTriageHandlers({ db, events, now = () => new Date().toISOString() }: { db: Db; events: EventBus; now?: () => string }): TriageHandlers {
  const announce = (ids: number[]) => {
    if (ids.length > 0) events.emit('calls.changed', { ids, change: 'reviewed' });
  };
  const mustQueue = (id: number) => {
    const queue = queueProgress(db, id);
    if (!queue) throw new ApiError('not_found', `no review queue with id ${id}`);
    return queue;
  };
  return {
    listTags: () => listTags(db),
    listFacets: () => listFacets(db),
    tagCalls: ({ call_ids: ids, add, remove }) => {
      const tag = add ?? remove ?? '';
      const added = add ? addTag(db, ids, add, now()) : [];
      const removed = remove ? removeTag(db, ids, remove) : [];
      announce([...added, ...removed]);
      return { tag, added, removed };
    },
    setVerdicts: ({ call_ids: ids, verdict }) => {
      const at = now();
      const previous = db.transaction(() => {
        const before = verdictsOf(db, ids);
        for (const { id } of before) setVerdict(db, id, verdict, at);
        return before;
      })();
      announce(previous.map((p) => p.id));
      return { previous };
    },
    listViews: () => listViews(db),
    saveView: ({ name, filter, sort }) => saveView(db, name, filter, sort, now()),
    deleteView: ({ id }) => ({ deleted: deleteView(db, id) }),
    listQueues: () => listQueues(db),
    createQueue: ({ name, filter, sample, sort = sampleOrder(sample) }) => {
      const ids = sampleCallIds(db, filter, sample);
      if (ids.length === 0) throw new ApiError('invalid_payload', 'no calls match this view: the queue would be empty');
      return createQueue(db, name, sampleInWords(sample), sort, inListOrder(db, ids, sort), now());
    },
    getQueue: ({ id, sort }) => ({ ...mustQueue(id), calls: queueCalls(db, id, sort) }),
    nextInQueue: ({ id, after_call_id: after, sort }) => {
      mustQueue(id);
      return { call_id: nextUnreviewed(db, id, after, sort) };
    },
    deleteQueue: ({ id }) => {
      const queue = deleteQueue(db, id);
      return { deleted: queue !== null, queue };
    },
    restoreQueue: ({ queue }) => restoreQueue(db, queue),
  };
}
