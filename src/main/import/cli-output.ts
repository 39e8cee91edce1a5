import type { ImportProgress, ImportSummary } from '../../core/api/types';
import { formatsInWords } from '../../core/present/import-formats';

/** Calls read so far, whatever became of them. */
const callsSeen = (p: Pick<ImportProgress, 'imported' | 'merged' | 'duplicates' | 'failed'>) => p.imported + p.merged + p.duplicates + p.failed;

/** "1h 02m", "3m 05s", "42s". */
export function formatEta(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

/**
 * The progress line: files, calls, rate and time left. Time left follows the bytes read (the one
 * measure known in advance); it is only guessed once a little of the work is done.
 */
export function progressLine(p: ImportProgress, elapsedMs: number): string {
  const fraction = p.bytes_total > 0 ? Math.min(1, p.bytes_done / p.bytes_total) : p.files_total > 0 ? p.files_done / p.files_total : 0;
  const seconds = elapsedMs / 1000;
  const calls = callsSeen(p);
  const rate = seconds > 0 ? calls / seconds : 0;
  const left = fraction >= 1 ? 'done' : fraction > 0.01 && seconds >= 1 ? `${formatEta((seconds * (1 - fraction)) / fraction)} left` : 'time left: estimating';
  return [
    `${String(Math.floor(fraction * 100)).padStart(3)}%`,
    `files ${p.files_done}/${p.files_total}`,
    `calls ${calls}${p.failed > 0 ? ` (${p.failed} failed)` : ''}`,
    `${rate >= 100 ? Math.round(rate) : rate.toFixed(1)} calls/s`,
    left,
  ].join(' · ');
}

/** What the progress is written to: stderr, or anything shaped like it. */
export interface ProgressOutput {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/**
 * Progress on one line redrawn in place, on a terminal only: piped or redirected, the import stays
 * quiet until its summary. At most ten redraws a second, and always the last one.
 */
export function createProgressPrinter(out: ProgressOutput, now: () => number = Date.now): { update(p: ImportProgress): void; done(): void } {
  const started = now();
  let last = 0;
  let drawn = false;
  return {
    update(p) {
      if (!out.isTTY) return;
      const at = now();
      if (at - last < 100 && p.files_done < p.files_total) return;
      last = at;
      const line = progressLine(p, at - started);
      out.write(`\r${line.slice(0, Math.max(20, (out.columns ?? 120) - 1))}\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) out.write('\r\x1b[K');
    },
  };
}

export function formatSummary(summary: ImportSummary): string {
  const lines = [
    `imported ${summary.imported}, merged ${summary.merged}, duplicates ${summary.duplicates}, failed ${summary.failed}` +
      (summary.attached > 0 ? `, recordings attached ${summary.attached}` : '') +
      ` (${summary.files} file${summary.files === 1 ? '' : 's'})`,
    ...(Object.keys(summary.formats).length > 0 ? [`  read as: ${formatsInWords(summary.formats)}`] : []),
    ...summary.failures.map((f) => `  failed: ${f.source}: ${f.message}`),
  ];
  if (summary.cancelled) lines.push('  (cancelled before the end)');
  return `${lines.join('\n')}\n`;
}
