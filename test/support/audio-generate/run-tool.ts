import { execFile } from 'node:child_process';

/**
 * Runs a tool with an argument vector (never a shell line, so utterance text cannot be parsed as
 * shell syntax) and returns its output; fails with the tool's own stderr.
 */
export function run(command: string, args: readonly string[], stdin?: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(command, [...args], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`${command} ${args.join(' ')} failed: ${stderr.trim() || error.message}`));
        return;
      }
      resolve({ stdout, stderr });
    });
    // A tool that exits without reading its stdin makes the write fail with EPIPE; its exit status
    // (above) is what tells success from failure.
    child.stdin?.on('error', () => undefined);
    if (stdin === undefined) child.stdin?.end();
    else child.stdin?.end(stdin);
  });
}

export const SOX = '/usr/bin/sox';
export const ESPEAK = '/usr/bin/espeak-ng';

/**
 * sox with the flags every step uses: `-D` (no dither, so silence stays digital zero and every run
 * gives the same samples) and `-R` (repeatable pseudo-random effects, e.g. the noise).
 */
export function sox(args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  return run(SOX, ['-D', '-R', '-V1', ...args]);
}

/** Runs the tasks at most `limit` at a time, keeping the results in order. */
export async function inBatches<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  const queue = items.map((item, index) => ({ item, index }));
  const worker = async (): Promise<void> => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      results[job.index] = await task(job.item, job.index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
