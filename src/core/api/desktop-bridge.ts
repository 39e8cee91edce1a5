import type { ApiMethod } from './contract';
import type { ErrorBody } from './errors';

/**
 * What the desktop preload exposes to the page as `window.callscope`, and the IPC channels behind
 * it: the one definition the preload, main's IPC and the renderer share. It carries the API
 * contract's methods (`invoke`) and events (`on`), plus `grantFile`: the path of a file the user
 * dropped or picked, granted to `importPaths` for this session (a page script cannot make such a
 * File; it can only come from the user).
 */
export const RPC_CHANNEL = 'callscope:rpc';
export const EVENT_CHANNEL = 'callscope:event';
export const GRANT_CHANNEL = 'callscope:grant-paths';

/**
 * Methods the preload passes on only within a click (transient user activation): the API key is
 * shown on an explicit "Reveal" or "Copy", not to a script that runs on its own.
 */
export const GESTURE_ONLY_METHODS: readonly string[] = ['revealApiKey'] satisfies ApiMethod[];

export type RpcResult = { ok: true; value: unknown } | ({ ok: false } & ErrorBody);

/** `F` is the DOM's File (core compiles without the DOM). */
export interface DesktopBridge<F> {
  invoke(method: string, input: unknown): Promise<RpcResult>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  /** the file-system path of a dropped or chosen file, now importable by path; null when it has none. */
  grantFile(file: F): Promise<string | null>;
}
