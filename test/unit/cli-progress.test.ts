import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../src/core/api/types';
import { createProgressPrinter, formatEta, progressLine, type ProgressOutput } from '../../src/main/import/cli-output';

const progress = (more: Partial<ImportProgress>): ImportProgress => ({
  files_done: 0,
  files_total: 4,
  bytes_done: 0,
  bytes_total: 1000,
  imported: 0,
  merged: 0,
  duplicates: 0,
  failed: 0,
  current: null,
  ...more,
});

/** A stream that records what is written, as a terminal or as a pipe. */
function stream(isTTY: boolean) {
  const written: string[] = [];
  const out: ProgressOutput = { isTTY, columns: 200, write: (text: string) => written.push(text) };
  return { out, written };
}

describe('callscope import progress', () => {
  it('names files, calls, rate and time left', () => {
    expect(progressLine(progress({ files_done: 1, bytes_done: 250, imported: 9000, failed: 3 }), 10_000)).toBe(
      ' 25% · files 1/4 · calls 9003 (3 failed) · 900 calls/s · 30s left',
    );
    expect(progressLine(progress({ bytes_done: 5 }), 200)).toMatch(/time left: estimating$/);
    expect(progressLine(progress({ files_done: 4, bytes_done: 1000, imported: 12 }), 4000)).toBe('100% · files 4/4 · calls 12 · 3.0 calls/s · done');
    expect([formatEta(42), formatEta(185), formatEta(3725)]).toEqual(['42s', '3m 05s', '1h 02m']);
  });

  it('redraws one line on a terminal, at most ten times a second, and clears it at the end', () => {
    let clock = 0;
    const { out, written } = stream(true);
    const printer = createProgressPrinter(out, () => clock);
    clock = 1000;
    printer.update(progress({ bytes_done: 100, imported: 10 }));
    clock = 1050;
    printer.update(progress({ bytes_done: 150, imported: 15 })); // too soon: skipped
    clock = 2000;
    printer.update(progress({ bytes_done: 500, imported: 50 }));
    printer.done();
    expect(written).toHaveLength(3);
    // a carriage return, the line, then "erase to the end of the line"
    expect(written[0]).toBe('\r 10% · files 0/4 · calls 10 · 10.0 calls/s · 9s left\u001b[K');
    expect(written.every((w) => w.startsWith('\r') && !w.includes('\n'))).toBe(true);
  });

  it('is quiet when its output is piped', () => {
    const { out, written } = stream(false);
    const printer = createProgressPrinter(out);
    printer.update(progress({ files_done: 4, bytes_done: 1000 }));
    printer.done();
    expect(written).toEqual([]);
  });
});
