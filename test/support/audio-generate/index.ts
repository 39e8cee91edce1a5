/**
 * Stereo call recordings with known timings, made with espeak-ng and sox, for the tests and
 * `npm run bench`. The truth is written to docs/METRICS.md.
 */
export { generateCall } from './generate-call';
export { generateLongCall } from './long-call';
export { applyLine, CLEAN_LINE, type LineCall, type LineCoding, type LineCondition } from './line';
export type { NoiseKind } from './noise';
export { scenario, SCENARIO_NAMES, SCENARIO_RANGES, type ScenarioName } from './scenarios';
export { computeTruth, isAllBackchannelWords, type TimedUtterance } from './truth';
export type { CallScript, CallTruth, GeneratedCall, ScriptedUtterance, Speaker, TruthUtterance, UtteranceKind } from './types';
