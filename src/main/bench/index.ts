import { cpus } from 'node:os';
import { join } from 'node:path';
import { benchIngest } from './ingest-load';
import { benchImport } from './import-rate';

/**
 * `npm run bench`: prints the figures the issues set goals for. Run on an otherwise idle machine;
 * `--quick` runs a tenth of the load (a smoke run, not a measurement).
 */
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function row(cells: string[]): string {
  const widths = [44, 16, 20, 8];
  return cells.map((cell, i) => cell.padEnd(widths[i] ?? 10)).join('  ').trimEnd();
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const scale = quick ? 0.1 : 1;
  const cli = join(__dirname, '../../bin/callscope');
  process.stderr.write(`bench: ${cpus().length} cores, node ${process.version}${quick ? ', quick run' : ''}\n`);

  const only = /--only=(\w+)/.exec(process.argv.join(' '))?.[1];
  const ingest = only === 'import' ? null : await benchIngest(cli, scale);
  const imported = only === 'ingest' ? null : await benchImport(Math.round(10_000 * scale));
  // Memory is bounded when four times the calls do not need (nearly) four times the memory.
  const importedx4 = only === 'ingest' ? null : await benchImport(Math.round(40_000 * scale));

  const lines = [row(['figure', 'value', 'goal', 'met']), row(['-'.repeat(44), '-'.repeat(16), '-'.repeat(20), '----'])];
  if (ingest) {
    lines.push(
    row(['ingest, 20-turn call, 1 client (calls/s)', fmt(ingest.single.perSecond), '', '']),
    row(['  latency p50 / p99 (ms)', `${fmt(ingest.single.p50, 1)} / ${fmt(ingest.single.p99, 1)}`, '', '']),
    row(['ingest, 20-turn call, 16 clients (calls/s)', fmt(ingest.concurrent.perSecond), '>= 2,000', ingest.concurrent.perSecond >= 2000 ? 'yes' : 'NO']),
    row(['  latency p50 / p99 (ms)', `${fmt(ingest.concurrent.p50, 1)} / ${fmt(ingest.concurrent.p99, 1)}`, 'p99 < 50', ingest.concurrent.p99 < 50 ? 'yes' : 'NO']),
    );
  }
  if (imported) {
    lines.push(
    row([`import ${fmt(imported.calls)}-call JSON Lines (s)`, fmt(imported.seconds, 2), '< 10', imported.seconds < 10 ? 'yes' : 'NO']),
    row(['  rate (calls/s)', fmt(imported.perSecond), '', '']),
    row([`  RSS growth (MB), file ${fmt(imported.fileBytes / 1024 / 1024, 1)} MB`, fmt(imported.rssGrowthMb), '', '']),
    row([`  RSS growth (MB), 4x the calls (${fmt((importedx4?.fileBytes ?? 0) / 1024 / 1024, 1)} MB)`, fmt(importedx4?.rssGrowthMb ?? 0), 'bounded: < 2x above', (importedx4?.rssGrowthMb ?? 0) < 2 * imported.rssGrowthMb ? 'yes' : 'NO']),
    row([`  import ${fmt(importedx4?.calls ?? 0)} calls (s)`, fmt(importedx4?.seconds ?? 0, 2), '', '']),
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
