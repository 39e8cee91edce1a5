import { ipcMain, type BrowserWindow, type WebFrameMain } from 'electron';
import { z } from 'zod';
import { EVENT_CHANNEL, GRANT_CHANNEL, RPC_CHANNEL } from '../../core/api/desktop-bridge';
import { ApiError, toErrorBody } from '../../core/api/errors';
import type { AppCore } from '../app';
import { dispatchByName } from '../api/dispatch';
import type { GrantedPaths } from '../import/import-access';
import { diskFullError } from '../store/disk-full';

const grantedPathList = z.array(z.string().min(1).max(4096)).max(10_000);

/**
 * The IPC transport of the API contract. Only our own page may call it (sender frame checked);
 * every input is validated by the contract's schema in `dispatch`; errors come back as the
 * `{ok:false, error}` envelope because Electron drops custom error fields across IPC.
 */
export function registerIpc(core: AppCore, isTrustedFrame: (frame: WebFrameMain | null) => boolean, windows: () => BrowserWindow[], granted: GrantedPaths): () => void {
  // The preload sends the path of a File the user dropped or picked (webUtils knows no other).
  ipcMain.handle(GRANT_CHANNEL, (event, paths: unknown) => {
    if (!isTrustedFrame(event.senderFrame)) return false;
    const parsed = grantedPathList.safeParse(paths);
    if (parsed.success) granted.grant(parsed.data);
    return parsed.success;
  });
  ipcMain.handle(RPC_CHANNEL, async (event, method: unknown, input: unknown) => {
    try {
      if (!isTrustedFrame(event.senderFrame)) throw new ApiError('forbidden', 'IPC from an untrusted frame');
      return { ok: true, value: await dispatchByName(core.handlers, method, input) };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, ...toErrorBody(error) };
      if (core.storage.noteFailure(error)) return { ok: false, ...toErrorBody(diskFullError()) };
      console.error('callscope: IPC handler failed:', error);
      return { ok: false, ...toErrorBody(new ApiError('internal', 'internal error')) };
    }
  });
  const unsubscribe = core.events.subscribe((name, payload) => {
    for (const window of windows()) {
      if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
    }
  });
  return () => {
    ipcMain.removeHandler(RPC_CHANNEL);
    ipcMain.removeHandler(GRANT_CHANNEL);
    unsubscribe();
  };
}
