import { cpus } from 'node:os';
import { join } from 'node:path';
import { benchIngest } from './ingest-load';
import { benchImport } from './import-rate';
import { benchLongAnalysis } from './audio-accuracy';
import { benchConditions, combinedPath, CONDITION_GRID, conditionTable, audibleTable, ENERGY_PATH, interruptionMissesReport, missesReport, type AnalysisPath, type ConditionRow } from './audio-conditions';
import { loadSpeechModel } from '../src/main/audio/speech-model';
import { benchListenerUnderAnalysis } from './listener-under-analysis';
import { benchReviewOpen } from './review-open';
import { benchPii, piiTableCells } from './pii-bench';
import { formatMistakes } from './pii-score';
import { benchEvaluators, evalTableCells } from './evaluators-bench';
import { mkdtempSync, rmSync } from 'node:fs';
import { ensureScaleStore } from './scale-store';
import { benchScaleUi } from './scale-ui';
import { benchScaleQueries } from './scale-queries';
import { benchQueueReview } from './queue-review';
import { benchCompare } from './compare-bench';
import { benchOverview } from './overview-bench';
import { benchOverviewStall } from './overview-stall';
import { benchWatchIngest } from './watch-ingest';
import { benchOverlapClasses, overlapReport, type OverlapBench } from './overlap-classes';
import { tmpdir } from 'node:os';
import { benchModelSpeed } from './model-speed';

/**
 * `npm run bench`: prints the figures the issues set goals for. Run on an otherwise idle machine;
 * `--quick` runs a tenth of the load (a smoke run, not a measurement); `--only=ingest|import|audio|grid|review|speed|overlaps|pii|eval|scale|queue|compare|overview|overview-worker|watch`
 * runs one part (`compare`: Compare of 10,000 vs 10,000 stored calls, 1,000 resamples; `overview`: the Overview's refresh on the scale store; `watch`: listener throughput with 3 watch rules on against none; `queue`: reviewing 20 calls by keyboard in a review queue against today's flow;
 * `grid`: only the audio accuracy table over telephony conditions; `overlaps`: overlap classes on calls
 * whose classes are known by construction (`--misses` lists the misclassified ones); `speed`: a 60-minute 8 kHz µ-law call with the speech model; `review`: the 60-minute call
 * analysed, the listener meanwhile and click -> waveform); `--misses` also
 * prints the PII misses and false alarms. `overview`: the Overview's refresh on the scale store
 * (`--scale-calls=N` builds or finds an N-call store, `--scale-dir=DIR` times an existing one).
 */
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function row(cells: string[]): string {
  const widths = [46, 16, 20, 8];
  return cells.map((cell, i) => cell.padEnd(widths[i] ?? 10)).join('  ').trimEnd();
}

async function main(): Promise<void> {
  // `--scale-store=N`: build (or find) the N-call store and print its data folder (the e2e scale test uses it).
  const storeSize = /--scale-store=(\d+)/.exec(process.argv.join(' '))?.[1];
  if (storeSize) {
    const store = await ensureScaleStore(Number(storeSize));
    process.stdout.write(`${JSON.stringify(store)}\n`);
    return;
  }
  const quick = process.argv.includes('--quick');
  const scale = quick ? 0.1 : 1;
  const cli = join(__dirname, '../../bin/callscope');
  process.stderr.write(`bench: ${cpus().length} cores, node ${process.version}${quick ? ', quick run' : ''}\n`);

  const only = /--only=([\w-]+)/.exec(process.argv.join(' '))?.[1];
  const wants = (part: string) => !only || only === part;
  const ingest = wants('ingest') ? await benchIngest(cli, scale) : null;
  const imported = wants('import') ? await benchImport(Math.round(10_000 * scale)) : null;
  // Memory is bounded when four times the calls do not need (nearly) four times the memory.
  const importedx4 = wants('import') ? await benchImport(Math.round(40_000 * scale)) : null;

  const lines = [row(['figure', 'value', 'goal', 'met']), row(['-'.repeat(46), '-'.repeat(16), '-'.repeat(20), '----'])];
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
  let grid: ConditionRow[] | null = null;
  const paths: AnalysisPath[] = [ENERGY_PATH];
  const loaded = wants('audio') || only === 'grid' ? await loadSpeechModel() : null;
  if (loaded?.model) paths.unshift(combinedPath(loaded.model));
  else if (loaded) process.stderr.write(`bench: the speech model is not available (${loaded.error}); energy path only\n`);
  if (wants('audio') || only === 'grid') {
    const dir = mkdtempSync(join(tmpdir(), 'callscope-bench-grid-'));
    try {
      // 200 true replies per condition (about 40 calls); a quick run takes one seed of each scenario
      // `--condition=TEXT[|TEXT...]`: only the conditions whose name contains one of the TEXTs
      const only = /--condition=(.+)/.exec(process.argv.find((arg) => arg.startsWith('--condition=')) ?? '')?.[1]?.split('|');
      const conditions = only ? CONDITION_GRID.filter((condition) => only.some((text) => condition.name.includes(text))) : CONDITION_GRID;
      grid = await benchConditions({ replies: quick ? 25 : 200, grid: conditions, paths, dir, progress: (m) => process.stderr.write(`  ${m}\n`) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  // `overlaps`: 13 seeds x 4 of each class = 52 per class per condition (a quick run: 2 seeds)
  let overlapBench: OverlapBench | null = null;
  if (wants('overlaps')) {
    const model = loaded?.model ?? (await loadSpeechModel()).model;
    const path = model ? combinedPath(model) : ENERGY_PATH;
    if (!model) process.stderr.write('bench: the speech model is not available; overlap classes on the energy path\n');
    const dir = mkdtempSync(join(tmpdir(), 'callscope-bench-overlaps-'));
    try {
      overlapBench = await benchOverlapClasses({ seeds: quick ? 2 : 13, path, dir, progress: (m) => process.stderr.write(`  ${m}\n`) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  // `review`: the long call's analysis, the listener meanwhile, and click -> waveform, without the grid
  if (wants('audio') || only === 'review') {
    const dir = mkdtempSync(join(tmpdir(), 'callscope-bench-long-'));
    try {
      const long = await benchLongAnalysis(quick ? 6 : 60, dir);
      const during = await benchListenerUnderAnalysis(cli, long.call.wavPath);
      const open = await benchReviewOpen(cli, long.call.wavPath);
      lines.push(
        row([`analyse a ${long.minutes}-minute stereo WAV (s)`, fmt(long.seconds, 2), '<= 3', long.seconds <= 3 ? 'yes' : 'NO']),
        row(['listener while it is analysed: p50 / p99 (ms)', `${fmt(during.p50, 1)} / ${fmt(during.p99, 1)}`, 'p99 < 50', during.p99 < 50 ? 'yes' : 'NO']),
        row(['  (requests during the analysis; worker took)', `${during.count}; ${during.analysisMs === null ? '?' : fmt(during.analysisMs / 1000, 2)} s`, '', '']),
        row([`click -> interactive waveform, ${long.minutes} min (ms)`, fmt(open.withPeaksMs), '< 1000', open.withPeaksMs < 1000 ? 'yes' : 'NO']),
        row(['  vs decoding it in the browser (ms)', open.decodeInBrowserMs === null ? `failed: ${open.decodeError ?? '?'}` : fmt(open.decodeInBrowserMs), '', '']),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  // `speed`: the speech model on an hour of telephony audio
  if (wants('audio') || only === 'speed') {
    const model = loaded?.model ?? (await loadSpeechModel()).model;
    const dir = mkdtempSync(join(tmpdir(), 'callscope-bench-speed-'));
    try {
      if (!model) lines.push(row(['analyse 60 min with the speech model', 'model not available', '<= 5 s', 'NO']));
      else {
        const minutes = quick ? 6 : 60;
        for (const speed of await benchModelSpeed({ minutes, model, dir, progress: (m) => process.stderr.write(`  ${m}\n`) })) {
          lines.push(
            row([`analyse ${minutes} min ${speed.line}, model (s)`, fmt(speed.modelSeconds, 2), '<= 5', speed.modelSeconds <= 5 ? 'yes' : 'NO']),
            row([`  CPU (s); model heard; energy path alone (s)`, `${fmt(speed.cpuSeconds, 1)}; ${fmt(speed.heardShare * 100)} %; ${fmt(speed.energySeconds, 2)}`, '', '']),
          );
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const pii = wants('pii') ? benchPii() : null;
  if (pii) lines.push(...piiTableCells(pii).map(row));
  if (wants('eval')) lines.push(...evalTableCells(await benchEvaluators(scale), fmt).map(row));
  if (wants('scale')) {
    // `--scale-dir=DIR --scale-calls=N`: time an existing store instead of the generated one
    const givenDir = /--scale-dir=(\S+)/.exec(process.argv.join(' '))?.[1];
    const givenCalls = Number(/--scale-calls=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 0);
    const store = givenDir
      ? { dataDir: givenDir, calls: givenCalls, builtSeconds: null }
      : await ensureScaleStore(quick ? 100_000 : 1_000_000, (line) => process.stderr.write(`${line}\n`));
    const skipUi = process.argv.includes('--no-ui');
    const n = fmt(store.calls);
    const queries = await benchScaleQueries(store.dataDir, store.calls);
    lines.push(row([`list queries on ${n} calls: page p50 / p95 (ms), warm; first run cold`, '', 'p95 < 100', '']));
    for (const q of queries) {
      lines.push(row([`  ${q.name} (${fmt(q.total)})`, `${fmt(q.pageP50, 1)} / ${fmt(q.pageP95, 1)}`, `first ${fmt(q.pageFirst)}; count ${fmt(q.countP50)} / ${fmt(q.countP95)}`, q.pageP95 < 100 ? 'yes' : 'NO']));
    }
    const ui = skipUi ? null : await benchScaleUi(cli, store.dataDir, store.calls);
    if (ui) lines.push(
      row([`Calls screen, ${n}-call store: URL -> first rows (ms)`, fmt(ui.firstRowsMs), '< 1,000', ui.firstRowsMs < 1000 ? 'yes' : 'NO']),
      row(['  JS heap after the first rows (MB)', fmt(ui.heapFirstRowsMb, 1), '< 300', ui.heapFirstRowsMb < 300 ? 'yes' : 'NO']),
      row(['  jump to the middle: rows shown (ms)', fmt(ui.jumpMiddleMs), '< 300', ui.jumpMiddleMs < 300 ? 'yes' : 'NO']),
      row(['  JS heap after the middle (MB)', fmt(ui.heapMiddleMb, 1), '< 300', ui.heapMiddleMb < 300 ? 'yes' : 'NO']),
      row([`  jump to the end: rows shown (ms), last row ${fmt(ui.lastRowIndex - 1)}`, fmt(ui.jumpEndMs), '< 300', ui.jumpEndMs < 300 ? 'yes' : 'NO']),
      row(['  JS heap after the end (MB)', fmt(ui.heapEndMb, 1), '< 300', ui.heapEndMb < 300 ? 'yes' : 'NO']),
      row(['  (store built now, s)', store.builtSeconds === null ? 'kept from an earlier run' : fmt(store.builtSeconds, 0), '', '']),
    );
  }
  if (wants('overview')) {
    const givenDir = /--scale-dir=(\S+)/.exec(process.argv.join(' '))?.[1];
    const givenCalls = Number(/--scale-calls=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 0);
    const store = givenDir
      ? { dataDir: givenDir, calls: givenCalls }
      : await ensureScaleStore(givenCalls || (quick ? 100_000 : 1_000_000), (line) => process.stderr.write(`${line}\n`));
    lines.push(row([`Overview refresh on ${fmt(store.calls)} calls (ms, all reads)`, 'p50 / p95', 'goal < 1,000', '']));
    for (const o of await benchOverview(store.dataDir)) {
      lines.push(row([`  ${o.name} (${fmt(o.calls)} calls)`, `${fmt(o.p50)} / ${fmt(o.p95)}`, `first ${fmt(o.first)}`, o.p95 < 1000 ? 'yes' : 'NO']));
      lines.push(row([`    ${Object.entries(o.parts).map(([part, ms]) => `${part} ${fmt(ms)}`).join(', ')}`, '', '', '']));
    }
  }
  if (wants('watch')) {
    const watch = await benchWatchIngest(cli, scale);
    lines.push(
      row([`ingest, 16 clients, ${fmt(watch.calls)} calls: no watch rule (calls/s)`, fmt(watch.without), '', '']),
      row([`  with ${watch.rules.length} watch rules, until all judged (calls/s)`, fmt(watch.with), '', '']),
      row(['  ratio with / without, wall clock', fmt(watch.ratio, 2), watch.cpuRatio === null ? '>= 0.90' : '', watch.cpuRatio === null ? (watch.ratio >= 0.9 ? 'yes' : 'NO') : '']),
      ...(watch.cpuRatio === null
        ? []
        : [
            row(['  server CPU per call: without / with (µs)', `${fmt(watch.cpuWithout ?? 0)} / ${fmt(watch.cpuWith ?? 0)}`, '', '']),
            row(['  calls per server CPU-second, with / without', fmt(watch.cpuRatio, 2), '>= 0.90', watch.cpuRatio >= 0.9 ? 'yes' : 'NO']),
          ]),
      row(['  (calls flagged: the latency rule fails on each)', fmt(watch.flags), '', '']),
    );
  }
  if (wants('queue')) {
    const { storeCalls, queue, today } = await benchQueueReview(cli);
    const flow = (f: typeof queue) => `${fmt(f.keysPerCall, 2)} keys, ${fmt(f.msPerCall)} ms`;
    lines.push(
      row([`review ${queue.calls} calls by keyboard (${storeCalls}-call store): per call`, '', '', '']),
      row(['  in a review queue: s / f', flow(queue), `p95 ${fmt(queue.p95Ms)} ms`, '']),
      row(['  today: unreviewed filter, s / f then j', flow(today), `p95 ${fmt(today.p95Ms)} ms`, '']),
      row(['  (total keys; total wall time, s)', `${queue.keys} vs ${today.keys}`, `${fmt(queue.totalMs / 1000, 1)} vs ${fmt(today.totalMs / 1000, 1)}`, '']),
    );
  }
  if (wants('overview-worker')) {
    lines.push(row(['Overview refresh in the read worker vs on the main thread (ms)', 'p50 worker / main', 'stall worker / main', '']));
    const scaleDir = /--scale-dir=(\S+)/.exec(process.argv.join(' '))?.[1];
    for (const o of await benchOverviewStall(scale, scaleDir ? { dbFile: join(scaleDir, 'callscope.db') } : {})) {
      lines.push(row([`  ${o.name} (${fmt(o.calls)} calls)`, `${fmt(o.workerP50)} / ${fmt(o.inlineP50)}`, `${fmt(o.workerStallMs)} / ${fmt(o.inlineStallMs)}`, '']));
    }
  }
  if (wants('compare')) {
    const c = await benchCompare(scale);
    lines.push(
      row([`compare ${fmt(c.callsPerSet)} vs ${fmt(c.callsPerSet)} calls: p50 / p95 (ms)`, `${fmt(c.p50)} / ${fmt(c.p95)}`, '< 2,000', c.p95 < 2000 ? 'yes' : 'NO']),
      row(['  in the read worker: main thread\'s longest stall (ms)', fmt(c.stallMs), '', '']),
      row(['  on the main thread instead: p50; longest stall (ms)', `${fmt(c.inlineP50)}; ${fmt(c.inlineStallMs)}`, '', '']),
      row([`  ${fmt(c.resamples)} resamples, ${fmt(c.replies)} replies; store read (ms)`, fmt(c.readMs), '', '']),
      row([`  (${c.runs.length} runs) B +150 ms: p90 B − A [95%]`, `${c.p90Diff === null ? '?' : fmt(c.p90Diff)} [${c.p90Interval ? c.p90Interval.map((v) => fmt(v)).join(', ') : '?'}]`, '', '']),
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (grid) {
    process.stdout.write('\naudio accuracy by line condition: reply-latency error median / p95 (ms), replies missed, interruption precision / recall\n');
    process.stdout.write(`${conditionTable(grid, paths.map((p) => p.name)).join('\n')}\n`);
    process.stdout.write('\nthe same replies against the audible truth (bench/audible-truth.ts: the edges where the speech the line carries is over its noise): error median / p95 (ms)\n');
    process.stdout.write(`${audibleTable(grid, paths.map((p) => p.name)).join('\n')}\n`);
  }
  if (grid && process.argv.includes('--misses') && paths[0]) process.stdout.write(`\n${[...missesReport(grid, paths[0].name), ...missesReport(grid, paths[0].name, 'audibleMisses'), ...interruptionMissesReport(grid, paths[0].name)].join('\n')}\n`);
  if (overlapBench) process.stdout.write(`\n${overlapReport(overlapBench, process.argv.includes('--misses')).join('\n')}\n`);
  if (pii && process.argv.includes('--misses')) process.stdout.write(`${formatMistakes(pii.score)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
