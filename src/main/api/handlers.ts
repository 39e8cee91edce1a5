import type { ApiHandlers } from '../../core/api/contract';
import type { CallDetail } from '../../core/api/types';
import { ApiError } from '../../core/api/errors';
import type { Db } from '../store/db';
import * as calls from '../store/calls';
import * as callList from '../store/call-list';
import { listTurns } from '../store/turns';
import { addNote, deleteNote, listNotes } from '../store/notes';
import { callMedia } from '../media/call-media';
import type { ImportTarget } from '../app';
import { createImportJobs } from './import-jobs';
import { readSettings, updateSettings } from '../settings';
import { callMetrics } from './call-metrics';
import { detectCallPii } from '../../core/pii/call-findings';
import { listenerInfo } from './listener-info';
import { createEvaluatorHandlers } from './evaluator-handlers';
import { outcomesForCalls } from '../store/evaluation-results';
import { callerOpenings } from '../store/caller-openings';
import type { RunQueue } from '../evaluators/run-queue';
import type { ImportAccess } from '../import/import-access';
import type { StorageHealth } from '../store/disk-full';

export interface ListenerState {
  url: string | null;
  error: string | null;
}

export interface HandlerDeps {
  app: ImportTarget;
  listener: () => ListenerState;
  runs: RunQueue;
  /** where importPaths may read: the desktop's chosen paths, serve's --import-root folders. */
  importAccess: ImportAccess;
  storage: StorageHealth;
}

export function callDetail(db: Db, id: number): CallDetail {
  const call = calls.getCall(db, id);
  if (!call) throw new ApiError('not_found', `no call with id ${id}`);
  return { call, turns: listTurns(db, id), notes: listNotes(db, id), media: callMedia(db, call) };
}

/** The API's implementation; both transports dispatch into this one map. */
export function createHandlers({ app, listener, runs, importAccess, storage }: HandlerDeps): ApiHandlers {
  const { db, events } = app;
  const imports = createImportJobs(app, importAccess);
  return {
    ...imports,
    ...createEvaluatorHandlers({ db, config: app.config, runs }),
    listCalls: (query) => {
      const page = callList.listCalls(db, query);
      // each row's newest evaluator outcomes, for the list's result columns: one query per page
      const ids = page.rows.map((row) => row.id);
      const outcomes = outcomesForCalls(db, ids);
      const openings = callerOpenings(db, ids);
      return { ...page, rows: page.rows.map((row) => ({ ...row, evaluations: outcomes.get(row.id) ?? {}, caller_opening: openings.get(row.id) ?? null })) };
    },
    countCalls: ({ filter }) => ({ total: callList.countCalls(db, filter) }),
    getCall: ({ id }) => callDetail(db, id),
    deleteCall: ({ id }) => {
      if (!calls.deleteCall(db, id)) throw new ApiError('not_found', `no call with id ${id}`);
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
    analyseRecording: ({ id, fetch_remote: fetchRemote }) => {
      if (!calls.getCall(db, id)) throw new ApiError('not_found', `no call with id ${id}`);
      if (!app.audio) throw new ApiError('internal', 'recording analysis is not available here');
      void app.audio.analyse(id, { fetchRemote });
      return { queued: true };
    },
    getSettings: () => readSettings(app.config, listener().url),
    updateSettings: (patch) => updateSettings(app.config, patch, listener().url),
    getStorageStatus: () => storage.status(),
    getListenerInfo: () => {
      const state = listener();
      return listenerInfo(state.url, state.error);
    },
    revealApiKey: () => ({ api_key: app.config.apiKey, source: app.config.apiKeySource }),
  } satisfies ApiHandlers;
}

