import { useMemo, useRef } from 'react';
import type uPlot from 'uplot';
import { useApiQuery } from '../query/api-query';
import { useEvaluatorList } from '../evaluators/queries';
import type { PlotProps } from './plot-props';
import { PlotFigure } from './PlotFigure';
import { UPlotChart, useChartColors } from './UPlotChart';
import { bucketLabel, formatFigure } from './format';
import { bucketNarrow, openCalls } from './open-calls';

interface Row {
  start: string;
  end: string;
  evaluator: string;
  name: string;
  pass: number;
  fail: number;
}

/** Each evaluator's pass rate by hour or day (newest result per call); a row's failures open that bucket's failed calls. */
export function EvaluatorRates({ filter, period, periodLabel }: PlotProps) {
  const { data, isPending } = useApiQuery('getOverviewEvaluatorSeries', { filter, period });
  const { evaluators } = useEvaluatorList();
  const colors = useChartColors();
  const nameOf = (id: string) => evaluators.find((e) => e.id === id)?.spec.name ?? id;
  const bucket = data?.bucket ?? 'day';
  const series = useMemo(() => data?.evaluators ?? [], [data]);
  const buckets = useMemo(() => data?.buckets ?? [], [data]);
  const palette = [colors.accent, colors.success, colors.caution, colors.failure, colors.user, colors.agent];
  const openFailed = (start: string, end: string, evaluator: string) =>
    openCalls(filter, period, { ...bucketNarrow(start, end), evaluations: [{ evaluator_id: evaluator, outcome: 'fail' }] }, `${nameOf(evaluator)} failed, ${bucketLabel(start, bucket)}`, periodLabel);
  const first = useRef(openFailed);
  first.current = openFailed;
  const options = useMemo(
    (): Omit<uPlot.Options, 'width' | 'height'> => ({
      cursor: { drag: { x: false, y: false } },
      scales: { y: { range: [0, 100] } },
      axes: [{ stroke: colors.muted, grid: { show: false } }, { stroke: colors.muted, grid: { stroke: colors.border }, label: '% pass' }],
      series: [{}, ...series.map((s, i) => ({ label: s.id, stroke: palette[i % palette.length] ?? colors.accent, width: 2 }))],
    }),
    // the palette is made from colors
    [colors, series],
  );
  const plotData = useMemo(
    (): uPlot.AlignedData => [buckets.map((b) => Date.parse(b.start) / 1000), ...series.map((s) => s.pass.map((p, i) => { const all = p + (s.fail[i] ?? 0); return all === 0 ? null : (p / all) * 100; }))],
    [buckets, series],
  );
  const rows: Row[] = series.flatMap((s) => buckets.flatMap((b, i) => ((s.pass[i] ?? 0) + (s.fail[i] ?? 0) > 0 ? [{ ...b, evaluator: s.id, name: nameOf(s.id), pass: s.pass[i] ?? 0, fail: s.fail[i] ?? 0 }] : [])));
  return (
    <PlotFigure
      title={`Evaluator pass rates by ${bucket}`}
      busy={isPending}
      empty={rows.length === 0}
      columns={[
        { header: bucket === 'hour' ? 'Hour' : 'Day', cell: (r: Row) => bucketLabel(r.start, bucket) },
        { header: 'Evaluator', cell: (r: Row) => r.name },
        { header: 'Pass rate', cell: (r: Row) => formatFigure(r.pass / (r.pass + r.fail), 'rate') },
        { header: 'Passed', cell: (r: Row) => r.pass },
        {
          header: 'Failed',
          cell: (r: Row) =>
            r.fail > 0 ? (
              <button type="button" className="link" onClick={() => first.current(r.start, r.end, r.evaluator)}>
                {r.fail}
              </button>
            ) : (
              0
            ),
        },
      ]}
      rows={rows}
    >
      <UPlotChart options={options} data={plotData} height={200} />
      <p className="muted plot-note">{series.map((s) => nameOf(s.id)).join(' · ')}</p>
    </PlotFigure>
  );
}
