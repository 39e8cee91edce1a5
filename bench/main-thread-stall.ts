import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { readWorkerPath } from '../src/main/reads/read-runner';

/** The app's read worker as built beside the app's bundle (out/main; the bench runs from out/bench). */
export function builtReadWorker(): string {
  const path = readWorkerPath(join(__dirname, '..', 'main')) ?? readWorkerPath(join(__dirname, '..', '..', 'main'));
  if (!path) throw new Error('the read worker is not built (out/main/read-worker.js)');
  return path;
}

/** Let the loop reach its timers: work with no turn of the loop in it shows as a stall only at the next turn. */
export const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

/**
 * Runs `work` `count` times, one after another: each run's time and the main thread's longest stall
 * meanwhile (what the listener would wait for), with `between` before each run.
 */
export async function timedWithStall<T>(count: number, work: (run: number) => Promise<T>, between?: () => void): Promise<{ times: number[]; last: T | null; stallMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  const times: number[] = [];
  let last: T | null = null;
  delay.enable();
  for (let run = 0; run < count; run++) {
    between?.();
    const started = performance.now();
    last = await work(run);
    times.push(performance.now() - started);
    await nextTurn();
  }
  delay.disable();
  return { times, last, stallMs: delay.max / 1e6 };
}
