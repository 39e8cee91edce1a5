import type { ApiHandlers } from '../../core/api/contract';
import type { CallDetail } from '../../core/api/types';
import { ApiError } from '../../core/api/errors';
import type { Db } from '../store/db';
import * as calls from '../store/calls';
import * as callList from '../store/call-list';
import { agentHistories, listTurns } from '../store/turns';
import { getAudioState } from '../store/audio';
import { addNote, deleteNote, listNotes } from '../store/notes';
import { callMedia } from '../media/call-media';
import type { ImportTarget } from '../services';
import { createImportJobs } from './import-jobs';
import { readSettings, updateSettings } from '../settings';
import { callMetrics } from './call-metrics';
import { detectCallPii } from '../../core/pii/call-findings';
import { listenerInfo } from './listener-info';
import { createEvaluatorHandlers } from './evaluator-handlers';
import { createTriageHandlers } from './triage-handlers';
import { createTrashHandlers } from './trash-handlers';
import { createOverlapHandlers } from './overlap-handlers';
import { createCompareHandlers } from './compare-handlers';
import type { ReadRunner } from '../reads/read-runner';
import { createOverviewHandlers } from './overview-handlers';
import { createWatchHandlers } from './watch-handlers';
import { deleteCallsForGood } from '../media/delete-calls';
import { outcomesForCalls } from '../store/evaluation-results';
import { callerOpenings } from '../store/caller-openings';
import { tagsForCalls } from '../store/tags';
import { overlapCountsFor } from '../store/overlap-labels';
import type { RunQueue } from '../evaluators/run-queue';
import type { ImportAccess } from '../import/import-access';
import type { StorageHealth } from '../store/disk-full';
import type { Environment } from '../config';
import type { SecretSealer } from '../secret-sealer';

export interface ListenerState {
  url: string | null;
  error: string | null;
}

export interface HandlerDeps {
  app: ImportTarget;
  env: Environment;
  sealer: SecretSealer;
  listener: () => ListenerState;
  runs: RunQueue;
  /** where importPaths may read: the desktop's chosen paths, serve's --import-root folders. */
  importAccess: ImportAccess;
  storage: StorageHealth;
  /** the read worker (none: compareSets and the Overview's reads run on this thread, compareSets yielding as it resamples) */
  readRunner?: ReadRunner | null;
}

export function callDetail(db: Db, id: number): CallDetail {
  const call = calls.getCall(db, id);
  if (!call) throw new ApiError('not_found', `no call with id ${id}`);
  return { call, turns: listTurns(db, id), notes: listNotes(db, id), media: callMedia(db, call), agent_history: agentHistories(db, [id]).get(id) ?? [], tags: tagsForCalls(db, [id]).get(id) ?? [] };
}

/** The API's implementation; both transports dispatch into this one map. */
export function createHandlers({ app, env, sealer, listener, runs, importAccess, storage, readRunner }: HandlerDeps): ApiHandlers {
  const { db, events, config } = app;
  const imports = createImportJobs(app, importAccess);
  return {
    ...imports,
    ...createEvaluatorHandlers({ db, config, env, sealer, runs }),
    ...createTriageHandlers({ db, events }),
    ...createTrashHandlers({ db, events, dataDir: config.dataDir }),
    ...createOverlapHandlers({ db, events }),
    ...createCompareHandlers({ db, runner: readRunner }),
    ...createOverviewHandlers({ db, events, runner: readRunner }),
    ...createWatchHandlers({ db, events }),
    listCalls: (query) => {
      const page = callList.listCalls(db, query);
      // each row's newest evaluator outcomes (the list's result columns), its agents and the caller's first words: one query each per page
      const ids = page.rows.map((row) => row.id);
      const outcomes = outcomesForCalls(db, ids);
      const histories = agentHistories(db, ids);
      const openings = callerOpenings(db, ids);
      const tags = tagsForCalls(db, ids);
      const overlaps = overlapCountsFor(db, ids);
      return {
        ...page,
        rows: page.rows.map((row) => ({
          ...row,
          evaluations: outcomes.get(row.id) ?? {},
          agent_history: histories.get(row.id) ?? [],
          caller_opening: openings.get(row.id) ?? null,
          tags: tags.get(row.id) ?? [],
          overlap_counts: overlaps.get(row.id) ?? null,
        })),
      };
    },
    countCalls: ({ filter, at_most: atMost }) => {
      if (atMost === undefined) return { total: callList.countCalls(db, filter), exact: true };
      const total = callList.countCallsUpTo(db, filter, atMost + 1);
      return { total: Math.min(total, atMost), exact: total <= atMost };
    },
    getCall: ({ id }) => callDetail(db, id),
    deleteCall: ({ id }) => {
      if (deleteCallsForGood(db, config.dataDir, [id]).length === 0) throw new ApiError('not_found', `no call with id ${id}`);
      events.emit('calls.changed', { ids: [id], change: 'deleted' });
      return { deleted: true };
    },
    setVerdict: ({ id, verdict }) => {
      if (!calls.getCall(db, id)) throw new ApiError('not_found', `no call with id ${id}`);
      const now = new Date().toISOString();
      calls.setVerdict(db, id, verdict, now);
      events.emit('calls.changed', { ids: [id], change: 'reviewed' });
      return { id, verdict, reviewed_at: verdict === null ? null : now };
    },
    addNote: ({ id, at_ms: atMs, text }) => {
      if (!calls.getCall(db, id)) throw new ApiError('not_found', `no call with id ${id}`);
      addNote(db, id, atMs, text, new Date().toISOString());
      events.emit('calls.changed', { ids: [id], change: 'reviewed' });
      return { id, notes: listNotes(db, id) };
    },
    deleteNote: ({ id, note_id: noteId }) => {
      if (!deleteNote(db, id, noteId)) throw new ApiError('not_found', `no note ${noteId} on call ${id}`);
      events.emit('calls.changed', { ids: [id], change: 'reviewed' });
      return { id, notes: listNotes(db, id) };
    },
    getCallPii: ({ id, types }) => {
      if (!calls.getCall(db, id)) throw new ApiError('not_found', `no call with id ${id}`);
      return detectCallPii(listTurns(db, id), types);
    },
    callMatchesFilter: ({ id, filter }) => ({ matches: callList.callMatches(db, id, filter) }),
    getCallMetrics: ({ id }) => {
      const call = calls.getCall(db, id);
      if (!call) throw new ApiError('not_found', `no call with id ${id}`);
      return callMetrics(db, call);
    },
    analyseRecording: async ({ id, fetch_remote: fetchRemote, wait }) => {
      if (!calls.getCall(db, id)) throw new ApiError('not_found', `no call with id ${id}`);
      const done = app.audio.analyse(id, { fetchRemote });
      if (wait) await done;
      const state = getAudioState(db, id);
      return { queued: true, status: state?.status ?? null, error: state?.error ?? null };
    },
    getSettings: () => readSettings(config, env, listener().url),
    updateSettings: (patch) => updateSettings(config, env, patch, listener().url),
    getStorageStatus: () => storage.status(),
    getListenerInfo: () => {
      const state = listener();
      return listenerInfo(state.url, state.error);
    },
    revealApiKey: () => ({ api_key: config.apiKey, source: config.apiKeySource }),
  } satisfies ApiHandlers;
}

