import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';

const bin = join(__dirname, '../../bin/callscope');

export interface ServeProcess {
  dataDir: string;
  /** the URL printed by `callscope serve`, token included. */
  openUrl: string;
  baseUrl: string;
  apiKey: string;
  stop(): Promise<void>;
}

/** Starts `bin/callscope serve --port 0` and waits for the URL it prints (no sleeping). */
export async function startServe(dataDir: string): Promise<ServeProcess> {
  const child: ChildProcess = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, CALLSCOPE_API_KEY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const openUrl = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open:\s+(\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`callscope serve exited with ${code}:\n${output}`)));
  });
  const config = JSON.parse(readFileSync(join(dataDir, 'config.json'), 'utf8'));
  return {
    dataDir,
    openUrl,
    baseUrl: new URL(openUrl).origin,
    apiKey: config.api_key,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export const test = base.extend<{ dataDir: string; serve: ServeProcess }>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'callscope-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  serve: async ({ dataDir }, use) => {
    const serve = await startServe(dataDir);
    await use(serve);
    await serve.stop();
  },
});

export { expect } from '@playwright/test';
