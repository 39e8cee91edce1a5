import { randomBytes } from 'node:crypto';
import { openApp, type AppCore } from './app';
import { dispatch } from './api/dispatch';
import { resolveDataDir, type Environment } from './config';
import { startListener, type Listener } from './http/server';
import { importRootsAccess } from './import/import-access';

export interface ServeOptions {
  host: string;
  port: number;
  dataDir?: string;
  rendererDir: string;
  /** folders the importPaths method may read under (`--import-root`); none: it reads nothing. */
  importRoots?: readonly string[];
  /** the environment the app reads (API key, secrets, LLM defaults); the process's by default. */
  env?: Environment;
}

export interface RunningServe {
  core: AppCore;
  listener: Listener;
  /** the URL to open: it carries the per-start UI token. */
  openUrl: string;
  stop(): Promise<void>;
}

/** `callscope serve`: listener + UI + RPC on one port, no Electron. */
export async function startServe(options: ServeOptions): Promise<RunningServe> {
  const env = options.env ?? process.env;
  const core = openApp({ dataDir: resolveDataDir(options.dataDir, env), importAccess: importRootsAccess(options.importRoots ?? []), env });
  const token = randomBytes(24).toString('base64url');
  let listener: Listener;
  try {
    listener = await startListener({
      core,
      host: options.host,
      port: options.port,
      ui: { rendererDir: options.rendererDir, token },
    });
  } catch (error) {
    core.close();
    throw error;
  }
  core.audio.resume();
  // The first screen's query, run once now: its statements are prepared and the pages it reads are
  // in SQLite's cache before the browser asks (on a million calls the first ask was ~100 ms slower).
  setImmediate(() => {
    Promise.resolve()
      .then(() => dispatch(core.handlers, 'listCalls', { count: 'bound' }))
      .catch(() => {}); // a warm-up only: the real request reports any problem
  });
  return {
    core,
    listener,
    openUrl: `${listener.url}/?token=${token}`,
    async stop() {
      await listener.close();
      core.close();
    },
  };
}
