import type { ImportProgress, ImportSummary } from '../../core/api/types';
import { formatsInWords } from '../../core/present/import-formats';

/** A one-line progress bar on a terminal (redrawn in place), plain lines when piped. */
export function createProgressPrinter(out: NodeJS.WriteStream): { update(p: ImportProgress): void; done(): void } {
  let last = 0;
  let drawn = false;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 100 && p.files_done < p.files_total) return;
      last = now;
      const fraction = p.bytes_total > 0 ? Math.min(1, p.bytes_done / p.bytes_total) : p.files_total > 0 ? p.files_done / p.files_total : 1;
      const width = 24;
      const bar = '#'.repeat(Math.round(fraction * width)).padEnd(width, '.');
      const line = `[${bar}] ${String(Math.round(fraction * 100)).padStart(3)}%  files ${p.files_done}/${p.files_total}  imported ${p.imported}  merged ${p.merged}  duplicates ${p.duplicates}  failed ${p.failed}`;
      if (out.isTTY) {
        out.write(`\r${line}`);
        drawn = true;
      }
    },
    done() {
      if (drawn) out.write('\n');
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
