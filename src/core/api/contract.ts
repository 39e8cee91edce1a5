import { z } from 'zod';
import { callListFilterSchema, callListQuerySchema } from './filter-schema';
import { settingsPatchSchema } from './settings-schema';
import { evaluatorsContract } from './evaluators-contract';
import { triageContract } from './triage-contract';
import { trashContract } from './trash-contract';
import { overlapsContract } from './overlaps-contract';
import { compareContract } from './compare-contract';
import { overviewContract } from './overview-contract';
import { watchContract } from './watch-contract';
import { returns, type ReturnedType } from './returns';
import type {
  CallDetail, CallNotes, CallReview, CallPage, ImportSummary, ListenerInfo, RecordingAnalysis, RevealedApiKey, Settings, StorageStatus,
} from './types';
import type { CallMetrics } from '../present/metrics-api';
import type { CallPii } from '../pii/call-findings';
import { PII_TYPES } from '../pii/types';

/**
 * The one API contract (DESIGN §1): one entry per method, with its input schema and its output
 * type. Everything else is derived from this table: the method names, `ApiHandlers` (main
 * implements them once), `ApiClient` (the renderer's), the inputs IPC and HTTP validate, so none
 * of them can drift.
 */

const callId = z.number().int().positive();
const nothing = z.object({}).default({});

/** Import jobs (import-jobs.ts implements them). */
const importsContract = {
  importPaths: {
    input: z.object({
      import_id: z.string().min(1).max(100),
      paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000),
    }),
    output: returns<ImportSummary>(),
  },
  importDocument: {
    input: z.object({ name: z.string().min(1).max(1000), text: z.string().max(64 * 1024 * 1024) }),
    output: returns<ImportSummary>(),
  },
  cancelImport: { input: z.object({ import_id: z.string().min(1).max(100) }), output: returns<{ cancelled: boolean }>() },
};

export const apiContract = {
  listCalls: { input: callListQuerySchema, output: returns<CallPage>() },
  /** how many calls match a filter (the list's count, asked apart from its pages). */
  countCalls: {
    input: z.object({
      filter: callListFilterSchema.default({}),
      /** stop counting past this many (a sidebar of views, each a count): then `exact` is false and `total` is the bound. */
      at_most: z.number().int().min(1).max(100_000_000).optional(),
    }),
    output: returns<{ total: number; exact: boolean }>(),
  },
  getCall: { input: z.object({ id: callId }), output: returns<CallDetail>() },
  deleteCall: { input: z.object({ id: callId }), output: returns<{ deleted: true }>() },
  setVerdict: { input: z.object({ id: callId, verdict: z.enum(['success', 'failure']).nullable() }), output: returns<CallReview>() },
  getListenerInfo: { input: nothing, output: returns<ListenerInfo>() },
  revealApiKey: { input: nothing, output: returns<RevealedApiKey>() },
  getStorageStatus: { input: nothing, output: returns<StorageStatus>() },
  getSettings: { input: nothing, output: returns<Settings>() },
  updateSettings: { input: settingsPatchSchema, output: returns<Settings>() },
  getCallMetrics: { input: z.object({ id: callId }), output: returns<CallMetrics>() },
  /** queues the recording's analysis; `wait` answers once it ended (done or failed). */
  analyseRecording: {
    input: z.object({ id: callId, fetch_remote: z.boolean().default(true), wait: z.boolean().default(false) }),
    output: returns<RecordingAnalysis>(),
  },
  addNote: {
    input: z.object({ id: callId, at_ms: z.number().int().min(0).nullable(), text: z.string().trim().min(1).max(10_000) }),
    output: returns<CallNotes>(),
  },
  deleteNote: { input: z.object({ id: callId, note_id: z.number().int().positive() }), output: returns<CallNotes>() },
  getCallPii: { input: z.object({ id: callId, types: z.array(z.enum(PII_TYPES)).max(29).optional() }), output: returns<CallPii>() },
  /** whether a call is in the list under a filter (the open call may have left it). */
  callMatchesFilter: { input: z.object({ id: callId, filter: callListFilterSchema.default({}) }), output: returns<{ matches: boolean }>() },
  ...importsContract,
  ...evaluatorsContract,
  ...triageContract,
  ...trashContract,
  ...overlapsContract,
  ...compareContract,
  ...overviewContract,
  ...watchContract,
} satisfies Record<string, { input: z.ZodType; output: object }>;

type Contract = typeof apiContract;
export type ApiMethod = keyof Contract;
export type ApiInput<M extends ApiMethod> = z.input<Contract[M]['input']>;
export type ApiParsedInput<M extends ApiMethod> = z.output<Contract[M]['input']>;
/** What each method answers, read from the table's `returns<T>()` markers. */
export type ApiOutputs = { [M in ApiMethod]: ReturnedType<Contract[M]['output']> };

export type ApiHandlers = {
  [M in ApiMethod]: (input: ApiParsedInput<M>) => ApiOutputs[M] | Promise<ApiOutputs[M]>;
};

export type ApiClient = {
  [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutputs[M]>;
};

/** The handlers of one part of the table, implemented in their own module. */
export type ImportHandlers = Pick<ApiHandlers, keyof typeof importsContract>;
export type EvaluatorHandlers = Pick<ApiHandlers, keyof typeof evaluatorsContract>;
export type TriageHandlers = Pick<ApiHandlers, keyof typeof triageContract>;
export type TrashHandlers = Pick<ApiHandlers, keyof typeof trashContract>;
export type OverlapHandlers = Pick<ApiHandlers, keyof typeof overlapsContract>;
export type CompareHandlers = Pick<ApiHandlers, keyof typeof compareContract>;
export type OverviewHandlers = Pick<ApiHandlers, keyof typeof overviewContract>;
export type WatchHandlers = Pick<ApiHandlers, keyof typeof watchContract>;

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(apiContract, name);
}
