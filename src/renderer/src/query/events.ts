import type { QueryClient } from '@tanstack/react-query';
import type { ApiMethod } from '../../../core/api/contract';
import { onApiEvent } from '../api';
import { useCallList } from '../calls/store';
import { recordRun } from '../evaluators/runs';
import { useTicks } from '../bulk/ticks';
import { apiQuery } from './api-query';
import { takeEcho } from './own-writes';
import { batchedRefresh } from './refresh';

/** Reads that show the list of calls, or figures over it (a review queue's progress too): any call coming, going or changing moves them. */
const LIST_READS: readonly ApiMethod[] = ['listCalls', 'countCalls', 'callMatchesFilter', 'getAlignment', 'getQueue', 'listQueues'];
/** The Overview's figures over the whole period: each read aggregates thousands of calls, so they catch up every few seconds while calls come in, not per burst. */
const OVERVIEW_READS: readonly ApiMethod[] = [
  'getOverviewTiles', 'getOverviewHistogram', 'getOverviewSeries', 'getOverviewEvaluatorSeries', 'getOverviewEndReasons', 'getOverviewAgents',
];
const OVERVIEW_DELAY_MS = 5_000;
/** Reads of one call's content: what a merge or an analysis changes. */
const CALL_CONTENT_READS: readonly ApiMethod[] = ['getCall', 'getCallMetrics', 'getCallPii'];
/** Every read about one call (what goes when the call does). */
const CALL_READS: readonly ApiMethod[] = [...CALL_CONTENT_READS, 'getCallEvaluations', 'callMatchesFilter'];

/**
 * The one place where API events reach the cache: each event marks stale the reads it changes
 * (those on screen are read again, in one go per burst; see refresh.ts), or writes what it
 * carries. Called once, at start; returns the unsubscribe.
 */
export function connectApiEvents(client: QueryClient, delayMs = 120): () => void {
  const { refresh, dispose } = batchedRefresh(client, delayMs);
  const overview = batchedRefresh(client, Math.max(delayMs, OVERVIEW_DELAY_MS));
  const refreshOverview = () => OVERVIEW_READS.forEach((method) => overview.refresh([method]));
  const refreshList = () => {
    LIST_READS.forEach((method) => refresh([method]));
    refreshOverview();
  };
  const refreshCall = (methods: readonly ApiMethod[], id: number) => methods.forEach((method) => refresh([method, { id }]));

  const offs = [
    onApiEvent('calls.changed', ({ ids, change }) => {
      refreshList();
      if (change === 'deleted') {
        const { selectedId, select } = useCallList.getState();
        if (selectedId !== null && ids.includes(selectedId)) select(null);
        // a deleted call is no longer there to act on (its Undo ticks it again)
        useTicks.getState().forget(ids);
        for (const id of ids) CALL_READS.forEach((method) => client.removeQueries({ queryKey: [method, { id }] }));
      } else if (change === 'labelled') {
        ids.forEach((id) => refreshCall(['getCallMetrics'], id));
        refresh(['getOverlapAgreement']);
      } else if (change === 'reviewed') {
        // a verdict or a note: written into the call's read from the write's own answer when made
        // here (no re-read of the call and its transcript), re-read when made elsewhere
        for (const id of ids) if (!takeEcho(id)) refresh(['getCall', { id }]);
      } else {
        ids.forEach((id) => refreshCall(CALL_CONTENT_READS, id));
      }
    }),
    // analysis moving on changes the call's media and figures; its end, the list's figures
    onApiEvent('audio.changed', ({ ids, status }) => {
      ids.forEach((id) => refreshCall(['getCall', 'getCallMetrics'], id));
      if (status === 'done' || status === 'failed') refreshList();
    }),
    onApiEvent('import.finished', refreshList),
    onApiEvent('evaluation.progress', recordRun),
    onApiEvent('evaluation.finished', (run) => {
      recordRun(run);
      refresh(['getCallEvaluations']);
      refresh(['getAlignment']);
      refreshOverview();
    }),
    // the event carries the whole status; a read still on its way is older than it
    onApiEvent('storage.changed', (status) => {
      const { queryKey } = apiQuery('getStorageStatus', {});
      void client.cancelQueries({ queryKey }).then(() => client.setQueryData(queryKey, status));
    }),
    // watch rules flagged arriving calls (or flags were seen or cleared): the badges, the activity
    // list and the Flagged view change; the flagged calls' results are new
    onApiEvent('calls.flagged', ({ flags, count }) => {
      refresh(['getWatchStatus']);
      // new flags only: an open list keeps showing which entries were new when it was opened
      if (count > 0) refresh(['listActivity']);
      refreshList();
      for (const id of new Set(flags.map((f) => f.call_id))) refresh(['getCallEvaluations', { id }]);
    }),
    // the event stream came back after a drop: anything may have changed meanwhile
    onApiEvent('resync', () => refresh()),
  ];
  return () => {
    offs.forEach((off) => off());
    dispose();
    overview.dispose();
  };
}
