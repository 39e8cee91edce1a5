import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ReplyDistribution } from '../../../core/compare/distribution';

/** The plot's colours, read from the theme's tokens (a canvas cannot use var()), again on a theme change. */
function readColours() {
  const style = getComputedStyle(document.documentElement);
  const token = (name: `--${string}`) => style.getPropertyValue(name).trim();
  return { a: token('--compare-a'), aFill: token('--compare-a-fill'), b: token('--compare-b'), bFill: token('--compare-b-fill'), axis: token('--muted'), grid: token('--border') };
}
let colours: ReturnType<typeof readColours> | null = null;
function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(() => {
    colours = readColours();
    onChange();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
const snapshot = () => (colours ??= readColours());

const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

/** Each bin's share of A's and of B's replies, as a table (the plot's "Show as table"). */
function DistributionTable({ d }: { d: ReplyDistribution }) {
  return (
    <table className="compare-table" aria-label="Reply latency distribution">
      <thead>
        <tr>
          <th scope="col">Reply latency</th>
          <th scope="col">A replies</th>
          <th scope="col">A share</th>
          <th scope="col">B replies</th>
          <th scope="col">B share</th>
        </tr>
      </thead>
      <tbody>
        {d.edges_ms.map((edge, i) => (
          <tr key={edge}>
            <th scope="row">{i === d.edges_ms.length - 1 ? `${edge} ms and over` : `${edge}–${edge + d.bin_ms} ms`}</th>
            <td>{d.a.count[i]}</td>
            <td>{percent(d.a.share[i] ?? 0)}</td>
            <td>{d.b.count[i]}</td>
            <td>{percent(d.b.share[i] ?? 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A's and B's reply latencies overlaid: each bin's share of its set's replies, as steps. */
export function DistributionPlot({ d }: { d: ReplyDistribution }) {
  const [asTable, setAsTable] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const theme = useSyncExternalStore(subscribe, snapshot);
  useEffect(() => {
    const el = box.current;
    if (!el || asTable) return;
    const width = Math.max(320, el.clientWidth);
    const plot = new uPlot(
      {
        width,
        height: 220,
        legend: { show: true },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: false } },
        axes: [
          { stroke: theme.axis, grid: { stroke: theme.grid }, label: 'reply latency (ms)', values: (_u, ticks) => ticks.map((t) => `${t}`) },
          { stroke: theme.axis, grid: { stroke: theme.grid }, values: (_u, ticks) => ticks.map((t) => percent(t)) },
        ],
        series: [
          { label: 'ms' },
          { label: 'A', stroke: theme.a, fill: theme.aFill, width: 2, points: { show: false }, paths: uPlot.paths.stepped?.({ align: 1 }), value: (_u, v) => (v === null ? '' : percent(v)) },
          { label: 'B', stroke: theme.b, fill: theme.bFill, width: 2, points: { show: false }, paths: uPlot.paths.stepped?.({ align: 1 }), value: (_u, v) => (v === null ? '' : percent(v)) },
        ],
      },
      [d.edges_ms, d.a.share, d.b.share],
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(320, el.clientWidth), height: 220 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [d, asTable, theme]);
  return (
    <section className="compare-plot" aria-label="Reply latency distributions">
      <div className="compare-plot-head">
        <h3>Reply latencies, A and B</h3>
        <span className="muted small">
          share of each set's replies ({d.a.replies.toLocaleString('en-US')} in A, {d.b.replies.toLocaleString('en-US')} in B), bins of {d.bin_ms} ms
        </span>
        <button type="button" className="button small" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
          Show as table
        </button>
      </div>
      {asTable ? <DistributionTable d={d} /> : <div ref={box} className="compare-canvas" role="img" aria-label="Overlaid reply latency distributions of A and B" />}
    </section>
  );
}
