import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../src/main/app';
import { importPaths } from '../src/main/import/import-files';
import { sampleCall } from './sample-call';

/** Imports a generated N-call JSON Lines file in-process, sampling memory while it runs. */
export interface ImportFigures {
  calls: number;
  fileBytes: number;
  seconds: number;
  perSecond: number;
  peakRssMb: number;
  rssGrowthMb: number;
  imported: number;
}

async function writeJsonLines(path: string, calls: number): Promise<void> {
  const out = createWriteStream(path);
  for (let n = 0; n < calls; n++) {
    if (!out.write(`${JSON.stringify(sampleCall(`import-${n}`))}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

export async function benchImport(calls = 10_000): Promise<ImportFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'callscope-bench-import-'));
  try {
    const file = join(dir, 'calls.jsonl');
    await writeJsonLines(file, calls);
    globalThis.gc?.();
    const app = openApp({ dataDir: join(dir, 'data') });
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    const summary = await importPaths(app, [file]);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    app.close();
    return {
      calls,
      fileBytes: statSync(file).size,
      seconds,
      perSecond: summary.imported / seconds,
      peakRssMb: peak / 1024 / 1024,
      rssGrowthMb: (peak - baseline) / 1024 / 1024,
      imported: summary.imported,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
