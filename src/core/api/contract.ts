import { z } from 'zod';
import { callListFilterSchema } from './filter-schema';
import { evaluatorsContract, type EvaluatorsOutputs } from './evaluators-contract';
import { callSortColumns, type CallDetail, type CallNotes, type CallReview, type CallPage, type ImportSummary, type ListenerInfo, type RevealedApiKey, type Settings, type StorageStatus } from './types';
import type { ApiMethod } from './methods';
import type { CallMetrics } from '../present/metrics-api';
import type { CallPii } from '../pii/call-findings';
import { PII_TYPES } from '../pii/types';
import { MAX_TRUSTED_HOSTS, trustedHostProblem } from '../address/trusted-hosts';

/**
 * The one API contract (DESIGN §1): method -> input schema, with the output types in ApiOutputs.
 * Main implements `ApiHandlers`; IPC and HTTP RPC both validate inputs with these schemas, and the
 * renderer's client type `ApiClient` is derived from the same map, so none of them can drift.
 */

const callId = z.number().int().positive();
/** a string sets a webhook secret, null or '' clears it, absent leaves it. */
const secretInput = z.string().max(500).nullable().optional();
const trustedHost = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .superRefine((value, context) => {
    const problem = trustedHostProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

export const apiContract = {
  listCalls: {
    input: z.object({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
      sort: z
        .object({ column: z.enum(callSortColumns), direction: z.enum(['asc', 'desc']) })
        .default({ column: 'started_at', direction: 'desc' }),
      filter: callListFilterSchema.default({}),
      count: z.enum(['exact', 'bound']).default('exact'),
    }),
  },
  /** how many calls match a filter (the list's count, asked apart from its pages). */
  countCalls: { input: z.object({ filter: callListFilterSchema.default({}) }) },
  getCall: { input: z.object({ id: callId }) },
  deleteCall: { input: z.object({ id: callId }) },
  setVerdict: { input: z.object({ id: callId, verdict: z.enum(['success', 'failure']).nullable() }) },
  getListenerInfo: { input: z.object({}).default({}) },
  revealApiKey: { input: z.object({}).default({}) },
  getStorageStatus: { input: z.object({}).default({}) },
  importPaths: {
    input: z.object({
      import_id: z.string().min(1).max(100),
      paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000),
    }),
  },
  importDocument: {
    input: z.object({ name: z.string().min(1).max(1000), text: z.string().max(64 * 1024 * 1024) }),
  },
  cancelImport: { input: z.object({ import_id: z.string().min(1).max(100) }) },
  getSettings: { input: z.object({}).default({}) },
  getCallMetrics: { input: z.object({ id: callId }) },
  addNote: { input: z.object({ id: callId, at_ms: z.number().int().min(0).nullable(), text: z.string().trim().min(1).max(10_000) }) },
  deleteNote: { input: z.object({ id: callId, note_id: z.number().int().positive() }) },
  getCallPii: { input: z.object({ id: callId, types: z.array(z.enum(PII_TYPES)).max(29).optional() }) },
  /** whether a call is in the list under a filter (the open call may have left it). */
  callMatchesFilter: { input: z.object({ id: callId, filter: callListFilterSchema.default({}) }) },
  analyseRecording: { input: z.object({ id: callId, fetch_remote: z.boolean().default(true) }) },
  updateSettings: {
    input: z.object({
      webhook_secrets: z
        .object({ retell: secretInput, elevenlabs: secretInput, bland: secretInput, vapi: secretInput })
        .optional(),
      body_limit_bytes: z.number().int().min(64 * 1024).max(1024 * 1024 * 1024).optional(),
      listener_port: z.number().int().min(0).max(65535).optional(),
      slow_reply_ms: z.number().int().min(100).max(60_000).optional(),
      recording_fetch_allow_hosts: z.array(trustedHost).max(MAX_TRUSTED_HOSTS).optional(),
    }),
  },
  ...evaluatorsContract,
} as const satisfies Record<ApiMethod, { input: z.ZodType }>;

export interface ApiOutputs extends EvaluatorsOutputs {
  listCalls: CallPage;
  countCalls: { total: number };
  getCall: CallDetail;
  deleteCall: { deleted: true };
  setVerdict: CallReview;
  getListenerInfo: ListenerInfo;
  revealApiKey: RevealedApiKey;
  getStorageStatus: StorageStatus;
  importPaths: ImportSummary;
  importDocument: ImportSummary;
  cancelImport: { cancelled: boolean };
  getSettings: Settings;
  getCallMetrics: CallMetrics;
  analyseRecording: { queued: true };
  addNote: CallNotes;
  deleteNote: CallNotes;
  getCallPii: CallPii;
  callMatchesFilter: { matches: boolean };
  updateSettings: Settings;
}

type Contract = typeof apiContract;
export type ApiInput<M extends ApiMethod> = z.input<Contract[M]['input']>;
export type ApiParsedInput<M extends ApiMethod> = z.output<Contract[M]['input']>;

export type ApiHandlers = {
  [M in ApiMethod]: (input: ApiParsedInput<M>) => ApiOutputs[M] | Promise<ApiOutputs[M]>;
};

export type ApiClient = {
  [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutputs[M]>;
};

// Compile-time guard: the contract and the outputs name the same methods.
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
export const contractIsComplete: SameKeys<Contract, ApiOutputs> = true;
