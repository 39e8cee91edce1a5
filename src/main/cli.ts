import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startServe } from './serve';
import { DEFAULT_PORT, resolveDataDir } from './config';
import { openApp } from './app';
import { importPaths } from './import/import-files';
import { createProgressPrinter, formatSummary } from './import/cli-output';
import { runCompare, UsageError } from './compare-cli';
import { FILTER_KEYS } from '../core/compare/filter-text';
import { FIGURES } from '../core/compare/figures';

const usage = `Usage: callscope <command> [options]

Commands:
  serve     run the listener, the API and the UI on one port (no desktop window)
            --port N        port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
            --host H        address to bind (default 127.0.0.1)
            --data-dir DIR  where calls are stored (default $CALLSCOPE_DATA_DIR or ~/.callscope)
            --import-root DIR
                            a folder the UI's import-by-path may read under (repeatable);
                            without one, the API reads no path on this machine and the UI
                            uploads dropped files instead

  import    import call files into the store (works while the app or serve runs)
            PATH...         .json (one call, an array, a list response), .jsonl, folders,
                            audio files (attached to the call whose id is the file stem)
            --data-dir DIR  as for serve
            --json          print the summary as JSON (on a terminal, progress shows on stderr meanwhile)

  compare   compare two sets of calls: each fleet figure of A and B, the difference B - A with a
            bootstrap 95% interval (calls resampled); for CI gating
            --data-dir DIR  as for serve (read only: the app may keep running)
            --a FILTER      set A as filter text (below) or the JSON list filter '{"agent_id":"x"}'
            --a-view NAME   set A as a saved view (instead of --a)
            --b FILTER, --b-view NAME
                            set B, the same way
            --fail-on F:T   exit 1 when B - A crosses T (repeatable): latency_p90_ms:+10% (B more
                            than 10% above A), success_rate:-5% (more than 5% below),
                            latency_p90_ms:+200 (in the figure's unit)
            --json          print the result as JSON (README: "Compare two sets")
            --resamples N   bootstrap resamples (default 1000, 100 to 10000)
            --seed N        the resampling seed (default 1): the same seed, the same intervals
            exit code: 0 no threshold crossed, 1 one was, 2 bad usage or filter
            figures: ${FIGURES.slice(0, 5).join(', ')},
                     ${FIGURES.slice(5).join(', ')}

Filter text (compare --a / --b, and the Compare page): key=value parts, all must hold; quote a
value with spaces; dates are UTC days or ISO date-times, until=DAY includes that day
  agent=sales-v2 tag=refund verdict=failure since=2026-11-01 until=2026-11-07 platform=vapi
  end_reason=customer-ended-call p90>2000 ttfw<=900 duration>=30 within=7d eval:polite=fail q="refund"
  keys: ${FILTER_KEYS.slice(0, 10).join(', ')},
        ${FILTER_KEYS.slice(10).join(', ')}
  verdict: success, failure, reviewed, unreviewed; eval:<evaluator id>: pass, fail, error, not_applicable, none
  p50, p90, ttfw, interruptions, silence, agent_snr, caller_snr, clipping, dead_air compare with > >= < <=; duration (seconds) with >= <=

Run "callscope serve" and open the printed URL.`;

function fail(message: string): never {
  process.stderr.write(`callscope: ${message}\n\n${usage}\n`);
  process.exit(2);
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not "${value}"`);
  return port;
}

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      'import-root': { type: 'string', multiple: true },
    },
    strict: true,
  });
  const running = await startServe({
    host: values.host,
    port: parsePort(values.port),
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    rendererDir: join(__dirname, '../renderer'),
    importRoots: values['import-root'] ?? [],
    env: process.env,
  });
  const { config } = running.core;
  process.stdout.write(
    [
      `Callscope is serving ${config.dataDir}`,
      `  listener: ${running.listener.url}  (API key ${config.apiKeySource === 'env' ? 'from CALLSCOPE_API_KEY' : `in ${join(config.dataDir, 'config.json')}`})`,
      `  open:     ${running.openUrl}`,
      ...(values['import-root']?.length ? [`  import by path from: ${values['import-root'].join(', ')}`] : []),
      '',
    ].join('\n'),
  );
  const stop = () => {
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function runImport(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0) fail('import needs at least one PATH');
  const core = openApp({ dataDir: resolveDataDir(values['data-dir'], process.env), env: process.env });
  // progress goes to stderr, and only on a terminal: piped, nothing but the summary
  const progress = createProgressPrinter(process.stderr);
  try {
    const summary = await importPaths(core, positionals, { onProgress: progress.update });
    progress.done();
    process.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : formatSummary(summary));
    process.exitCode = summary.failed > 0 ? 1 : 0;
  } finally {
    core.close();
  }
}

export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  try {
    if (command === 'serve') return await serve(rest);
    if (command === 'import') return await runImport(rest);
    if (command === 'compare') {
      try {
        const { output, exitCode } = await runCompare(rest, process.env);
        process.stdout.write(output);
        process.exitCode = exitCode;
      } catch (error) {
        if (error instanceof UsageError) fail(error.message);
        // exit 1 means a threshold was crossed: a comparison that could not run is 2, like bad usage
        process.stderr.write(`callscope: the comparison failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(2);
      }
      return;
    }
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(`${usage}\n`);
      return;
    }
    fail(`unknown command "${command}"`);
  } catch (error) {
    process.stderr.write(`callscope: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

