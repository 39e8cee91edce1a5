import { useMemo } from 'react';
import type uPlot from 'uplot';
import type { SeriesPoint } from '../../../core/api/overview-contract';
import { useApiQuery } from '../query/api-query';
import type { PlotProps } from './plot-props';
import { PlotFigure } from './PlotFigure';
import { UPlotChart, useChartColors } from './UPlotChart';
import { bucketLabel, formatFigure } from './format';
import { bucketNarrow, openCalls } from './open-calls';

/** Clicking the plot opens the calls of the bucket under the cursor. */
function clickBucket(onBucket: (i: number) => void): (u: uPlot) => void {
  return (u) => {
    u.over.addEventListener('click', () => {
      const i = u.cursor.idx;
      if (i !== null && i !== undefined) onBucket(i);
    });
  };
}

/** Latency p50 / p90 and interruptions per call by hour or day; a point's click lists that bucket's calls. */
export function TimeSeries({ filter, period, periodLabel }: PlotProps) {
  const { data, isPending } = useApiQuery('getOverviewSeries', { filter, period });
  const colors = useChartColors();
  const points = useMemo(() => data?.points ?? [], [data]);
  const bucket = data?.bucket ?? 'day';
  const open = (point: SeriesPoint | undefined) => point && point.calls > 0 && openCalls(filter, period, bucketNarrow(point.start, point.end), bucketLabel(point.start, bucket), periodLabel);
  const openRef = useMemo(() => ({ current: open }), []);
  openRef.current = open;
  const xs = useMemo(() => points.map((p) => Date.parse(p.start) / 1000), [points]);
  const latencyOptions = useMemo(
    (): Omit<uPlot.Options, 'width' | 'height'> => ({
      cursor: { drag: { x: false, y: false } },
      scales: { y: { range: (_u, _min, max) => [0, Math.max(100, max * 1.1)] } },
      axes: [{ stroke: colors.muted, grid: { show: false } }, { stroke: colors.muted, grid: { stroke: colors.border }, label: 'ms' }],
      series: [{}, { label: 'p50', stroke: colors.success, width: 2, spanGaps: false }, { label: 'p90', stroke: colors.caution, width: 2, spanGaps: false }],
      hooks: { ready: [clickBucket((i) => openRef.current(points[i]))] },
    }),
    [colors, points, openRef],
  );
  const interruptionOptions = useMemo(
    (): Omit<uPlot.Options, 'width' | 'height'> => ({
      cursor: { drag: { x: false, y: false } },
      // from 0, and at least to 1: a fleet without interruptions is a flat line at the bottom, not the middle
      scales: { y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [{ stroke: colors.muted, grid: { show: false } }, { stroke: colors.muted, grid: { stroke: colors.border }, label: 'per call' }],
      series: [{}, { label: 'interruptions per call', stroke: colors.failure, width: 2 }],
      hooks: { ready: [clickBucket((i) => openRef.current(points[i]))] },
    }),
    [colors, points, openRef],
  );
  const latencyData = useMemo((): uPlot.AlignedData => [xs, points.map((p) => p.latency_p50_ms), points.map((p) => p.latency_p90_ms)], [xs, points]);
  const interruptionData = useMemo((): uPlot.AlignedData => [xs, points.map((p) => p.interruptions_per_call)], [xs, points]);
  const when = { header: bucket === 'hour' ? 'Hour' : 'Day', cell: (p: SeriesPoint) => bucketLabel(p.start, bucket) };
  const calls = {
    header: 'Calls',
    cell: (p: SeriesPoint) =>
      p.calls > 0 ? (
        <button type="button" className="link" onClick={() => open(p)}>
          {p.calls.toLocaleString('en-US')}
        </button>
      ) : (
        '0'
      ),
  };
  const empty = !points.some((p) => p.calls > 0);
  return (
    <>
      <PlotFigure
        title={`Reply latency p50 / p90 by ${bucket}`}
        busy={isPending}
        empty={empty}
        columns={[when, calls, { header: 'p50', cell: (p) => formatFigure(p.latency_p50_ms, 'ms') }, { header: 'p90', cell: (p) => formatFigure(p.latency_p90_ms, 'ms') }]}
        rows={points}
      >
        <UPlotChart options={latencyOptions} data={latencyData} height={200} />
      </PlotFigure>
      <PlotFigure
        title={`Interruptions per call by ${bucket}`}
        busy={isPending}
        empty={empty}
        columns={[when, calls, { header: 'Interruptions per call', cell: (p) => formatFigure(p.interruptions_per_call, 'mean') }]}
        rows={points}
      >
        <UPlotChart options={interruptionOptions} data={interruptionData} height={200} />
      </PlotFigure>
    </>
  );
}
