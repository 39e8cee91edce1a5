import { useEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** The theme's colours for a canvas (a stylesheet's var() does not reach it), read again when the theme changes. */
export function useChartColors(): Record<'text' | 'muted' | 'border' | 'panel' | 'accent' | 'failure' | 'success' | 'caution' | 'agent' | 'user', string> {
  const [theme, setTheme] = useState(() => document.documentElement.dataset.theme ?? '');
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(document.documentElement.dataset.theme ?? ''));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  // one object per theme: plots make their options from it, and a new object would make them again
  return useMemo(() => {
    const style = getComputedStyle(document.documentElement);
    // the tokens are always set (theme/tokens.css); a missing one draws in the canvas's default black
    const token = (name: string) => style.getPropertyValue(name).trim();
    return {
      text: token('--text'),
      muted: token('--muted'),
      border: token('--border'),
      panel: token('--panel'),
      accent: token('--accent'),
      failure: token('--failure'),
      success: token('--success'),
      caution: token('--caution'),
      agent: token('--agent'),
      user: token('--user'),
    };
  }, [theme]);
}

/**
 * A uPlot chart sized to its box: made again when `options` change (a new theme, new series),
 * given new data in place otherwise. `onChart` sees the chart after each draw (overlays, clicks).
 */
export function UPlotChart({ options, data, height = 220, onChart }: { options: Omit<uPlot.Options, 'width' | 'height'>; data: uPlot.AlignedData; height?: number; onChart?(chart: uPlot): void }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const onChartRef = useRef(onChart);
  onChartRef.current = onChart;
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const made = new uPlot(
      { ...options, width: Math.max(200, element.clientWidth), height, hooks: { ...options.hooks, draw: [...(options.hooks?.draw ?? []), (u) => onChartRef.current?.(u)] } },
      data,
      element,
    );
    chart.current = made;
    const resize = new ResizeObserver(() => made.setSize({ width: Math.max(200, element.clientWidth), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      made.destroy();
      chart.current = null;
    };
    // data is set below without re-making the chart
  }, [options, height]);
  useEffect(() => {
    chart.current?.setData(data);
  }, [data]);
  return <div ref={box} className="uplot-box" aria-hidden="true" />;
}
