import type { Figures } from '../compare/figures';
import { z } from 'zod';
import { callListFilterSchema } from './filter-schema';
import { returns } from './returns';

/**
 * The fleet's Overview (issue 15): figures over the calls of the list filter started in a period,
 * one read per part of the page so the tiles come first and each plot loads on its own.
 * Spread into `apiContract`; overview-handlers.ts implements it. Names and definitions of the
 * figures: docs/METRICS.md, "Fleet figures".
 */

const instant = z.iso.datetime({ offset: true });

/** [start, end) on started_at; a side left out is open (both out: all time). */
export const overviewPeriodSchema = z
  .object({ start: instant.nullable().default(null), end: instant.nullable().default(null) })
  .refine((p) => p.start === null || p.end === null || Date.parse(p.start) < Date.parse(p.end), { message: 'period: start must be before end' });

export const overviewInputSchema = z.object({ filter: callListFilterSchema.default({}), period: overviewPeriodSchema.default({ start: null, end: null }) });

export type OverviewPeriod = z.output<typeof overviewPeriodSchema>;

/** The fleet figures over a set of calls; a figure with nothing to measure is null, never 0. */
/** The fleet figures (docs/METRICS.md) by the names Compare and the CLI use; a count of calls is always known. */
export type FleetFigures = Omit<Figures, 'calls'> & { calls: number };

export interface OverviewTiles {
  current: FleetFigures;
  /** the same length just before the period; null for an open period (all time). */
  previous: FleetFigures | null;
  previous_period: { start: string; end: string } | null;
}

/** One histogram bar: replies with a latency in [min_ms, max_ms) (`max_ms` null: no upper end). */
export interface LatencyBin {
  min_ms: number;
  max_ms: number | null;
  replies: number;
  /** distinct calls with a reply in this bar: what its click lists. */
  calls: number;
}

export interface LatencyHistogram {
  scale: 'linear' | 'log';
  bins: LatencyBin[];
  replies: number;
  p50_ms: number | null;
  p90_ms: number | null;
  p95_ms: number | null;
}

/** A time bucket, [start, end), in the store machine's local time. */
export interface SeriesPoint {
  start: string;
  end: string;
  calls: number;
  latency_p50_ms: number | null;
  latency_p90_ms: number | null;
  interruptions_per_call: number | null;
}

export interface OverviewSeries {
  bucket: 'hour' | 'day';
  points: SeriesPoint[];
}

export interface EvaluatorSeries {
  bucket: 'hour' | 'day';
  /** the buckets' starts and ends, shared by every evaluator's points. */
  buckets: { start: string; end: string }[];
  /** each evaluator (its public id) with its passes and fails per bucket. */
  evaluators: { id: string; pass: number[]; fail: number[] }[];
}

export interface EndReasonCount {
  end_reason: string | null;
  calls: number;
}

export interface AgentFigures {
  agent_id: string | null;
  calls: number;
  latency_p50_ms: number | null;
  latency_p90_ms: number | null;
  /** interrupted calls / calls where interruptions are known. */
  interruption_rate: number | null;
  failure_rate: number | null;
  eval_pass_rate: number | null;
}

export const overviewContract = {
  /** the tiles: the fleet figures in the period and in the same length just before. */
  getOverviewTiles: { input: overviewInputSchema, output: returns<OverviewTiles>() },
  /** every agent reply latency of the set in bins, with the exact p50 / p90 / p95 (nearest rank). */
  getOverviewHistogram: {
    input: overviewInputSchema.extend({ scale: z.enum(['linear', 'log']).default('linear') }),
    output: returns<LatencyHistogram>(),
  },
  /** latency p50 / p90 and interruptions per call by hour (periods up to 2 days) or day. */
  getOverviewSeries: { input: overviewInputSchema, output: returns<OverviewSeries>() },
  /** each evaluator's pass / fail counts (newest result per call) by hour or day. */
  getOverviewEvaluatorSeries: { input: overviewInputSchema, output: returns<EvaluatorSeries>() },
  getOverviewEndReasons: { input: overviewInputSchema, output: returns<EndReasonCount[]>() },
  getOverviewAgents: { input: overviewInputSchema, output: returns<AgentFigures[]>() },
};
