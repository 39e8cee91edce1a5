import { useMemo, useState } from 'react';
import uPlot from 'uplot';
import type { LatencyBin, LatencyHistogram as Histogram } from '../../../core/api/overview-contract';
import { binIndex } from '../../../core/overview/bins';
import { useApiQuery } from '../query/api-query';
import type { PlotProps } from './plot-props';
import { PlotFigure } from './PlotFigure';
import { UPlotChart, useChartColors } from './UPlotChart';
import { msRange } from './format';
import { openCalls } from './open-calls';
import { useOverview } from './store';

const TITLE = 'Agent reply latency distribution';

/** Where a value sits on the bar axis (bar i spans i - 0.5 to i + 0.5), for the percentile lines. */
function barPosition(bins: readonly LatencyBin[], ms: number): number {
  const i = binIndex(bins.map((b) => b.min_ms), ms);
  const bin = bins[i];
  if (!bin || bin.max_ms === null) return i;
  return i - 0.5 + (ms - bin.min_ms) / (bin.max_ms - bin.min_ms);
}

interface BarBox {
  index: number;
  left: number;
  width: number;
  top: number;
  height: number;
}

/**
 * Every agent reply latency of the period in bars (50 ms up to 3 s, then wider; or log-spaced),
 * with the p50 / p90 / p95 lines. Each bar is a button over the canvas: its click lists exactly
 * the calls with a reply in the bar.
 */
export function LatencyHistogram({ filter, period, periodLabel }: PlotProps) {
  const scale = useOverview((s) => s.scale);
  const { data, isPending } = useApiQuery('getOverviewHistogram', { filter, period, scale });
  const colors = useChartColors();
  const [boxes, setBoxes] = useState<BarBox[]>([]);
  const bins = useMemo(() => data?.bins ?? [], [data]);
  const options = useMemo((): Omit<uPlot.Options, 'width' | 'height'> => {
    const lines = (u: uPlot, h: Histogram) => {
      const ctx = u.ctx;
      ctx.save();
      ctx.font = `${12 * devicePixelRatio}px sans-serif`;
      // uPlot leaves its axis labels' alignment set on the context
      ctx.textAlign = 'left';
      ctx.textBaseline = 'alphabetic';
      for (const [name, value] of [['p50', h.p50_ms], ['p90', h.p90_ms], ['p95', h.p95_ms]] as const) {
        if (value === null) continue;
        const x = u.valToPos(barPosition(h.bins, value), 'x', true);
        ctx.strokeStyle = name === 'p50' ? colors.success : name === 'p90' ? colors.caution : colors.failure;
        ctx.fillStyle = ctx.strokeStyle;
        ctx.lineWidth = 2 * devicePixelRatio;
        ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
        ctx.beginPath();
        ctx.moveTo(x, u.bbox.top);
        ctx.lineTo(x, u.bbox.top + u.bbox.height);
        ctx.stroke();
        // on a backing the panel's colour, so a label over the bars reads; left of its line near the right edge
        const text = `${name} ${Math.round(value)} ms`;
        const width = ctx.measureText(text).width;
        const pad = 4 * devicePixelRatio;
        const left = x + pad + width > u.bbox.left + u.bbox.width ? x - pad - width : x + pad;
        const baseline = u.bbox.top + (name === 'p50' ? 14 : name === 'p90' ? 28 : 42) * devicePixelRatio;
        ctx.fillStyle = colors.panel;
        ctx.fillRect(left - 2 * devicePixelRatio, baseline - 11 * devicePixelRatio, width + 4 * devicePixelRatio, 14 * devicePixelRatio);
        ctx.fillStyle = ctx.strokeStyle;
        ctx.fillText(text, left, baseline);
      }
      ctx.restore();
    };
    return {
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { show: false } },
      scales: { x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] } },
      axes: [
        {
          stroke: colors.muted,
          grid: { show: false },
          values: (_u, splits) => splits.map((i) => (Number.isInteger(i) && bins[i] ? `${bins[i].min_ms}` : '')),
          label: 'ms',
        },
        { stroke: colors.muted, grid: { stroke: colors.border }, label: 'replies' },
      ],
      series: [{}, { label: 'replies', fill: colors.accent, stroke: colors.accent, paths: uPlot.paths.bars?.({ size: [0.9, 100] }), points: { show: false } }],
      hooks: { draw: [(u) => data && lines(u, data)] },
    };
  }, [colors, bins, data]);
  const plotData = useMemo((): uPlot.AlignedData => [bins.map((_, i) => i), bins.map((b) => b.replies)], [bins]);
  const open = (bin: LatencyBin) =>
    openCalls(filter, period, { reply_latency_ms: { min: bin.min_ms, ...(bin.max_ms === null ? {} : { max: bin.max_ms }) } }, `replies ${msRange(bin.min_ms, bin.max_ms)}`, periodLabel);
  const onChart = (u: uPlot) => {
    const width = u.valToPos(1, 'x') - u.valToPos(0, 'x');
    const top = u.bbox.top / devicePixelRatio;
    const height = u.bbox.height / devicePixelRatio;
    const next = bins.flatMap((bin, index) => (bin.calls > 0 ? [{ index, left: u.bbox.left / devicePixelRatio + u.valToPos(index, 'x') - width / 2, width, top, height }] : []));
    setBoxes((old) => (JSON.stringify(old) === JSON.stringify(next) ? old : next));
  };
  const scaleToggle = (
    <label className="check small">
      <input type="checkbox" checked={scale === 'log'} onChange={(e) => useOverview.getState().setScale(e.target.checked ? 'log' : 'linear')} /> Log scale
    </label>
  );
  return (
    <PlotFigure
      title={TITLE}
      busy={isPending}
      empty={!data || data.replies === 0}
      actions={scaleToggle}
      columns={[
        { header: 'Reply latency', cell: (b: LatencyBin) => msRange(b.min_ms, b.max_ms) },
        { header: 'Replies', cell: (b: LatencyBin) => b.replies.toLocaleString('en-US') },
        {
          header: 'Calls',
          cell: (b: LatencyBin) => (
            <button type="button" className="link" onClick={() => open(b)}>
              {b.calls.toLocaleString('en-US')}
            </button>
          ),
        },
      ]}
      rows={bins.filter((b) => b.replies > 0)}
    >
      <p className="muted plot-note" aria-live="polite">
        {data ? `${data.replies.toLocaleString('en-US')} replies · p50 ${data.p50_ms ?? '—'} ms · p90 ${data.p90_ms ?? '—'} ms · p95 ${data.p95_ms ?? '—'} ms` : ''}
      </p>
      <div className="plot-area">
        <UPlotChart options={options} data={plotData} onChart={onChart} />
        <div className="bar-buttons">
          {boxes.map(({ index, left, width, top, height }) => {
            const bin = bins[index];
            if (!bin) return null;
            return (
              <button
                key={index}
                type="button"
                className="bar-button"
                style={{ left, width, top, height }}
                aria-label={`Replies ${msRange(bin.min_ms, bin.max_ms)}: ${bin.replies} replies in ${bin.calls} calls`}
                title={`${msRange(bin.min_ms, bin.max_ms)}: ${bin.replies} replies in ${bin.calls} calls`}
                data-calls={bin.calls}
                onClick={() => open(bin)}
              />
            );
          })}
        </div>
      </div>
    </PlotFigure>
  );
}
