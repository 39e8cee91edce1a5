/**
 * The API's method names, free of zod so the renderer can build its client from them.
 * `contract.ts` must hold exactly these keys (checked at compile time there).
 */
export const apiMethods = [
  'listCalls',
  'countCalls',
  'getCall',
  'deleteCall',
  'setVerdict',
  'getListenerInfo',
  'revealApiKey',
  'getStorageStatus',
  'importPaths',
  'importDocument',
  'cancelImport',
  'getSettings',
  'updateSettings',
  'getCallMetrics',
  'analyseRecording',
  'addNote',
  'deleteNote',
  'getCallPii',
  'callMatchesFilter',
  'listEvaluators',
  'getEvaluator',
  'listEvaluatorTemplates',
  'createEvaluator',
  'updateEvaluator',
  'deleteEvaluator',
  'restoreEvaluator',
  'startEvaluationRun',
  'getEvaluationRun',
  'cancelEvaluationRun',
  'getCallEvaluations',
  'getAlignment',
  'getEvalSettings',
  'updateEvalSettings',
] as const;
export type ApiMethod = (typeof apiMethods)[number];

export const apiEventNames = ['calls.changed', 'audio.changed', 'import.progress', 'import.finished', 'evaluation.progress', 'evaluation.finished', 'storage.changed'] as const;

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (apiMethods as readonly string[]).includes(name);
}
