import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, GRANT_CHANNEL, RPC_CHANNEL, type DesktopBridge, type RpcResult } from '../core/api/desktop-bridge';

/**
 * Exposes the API contract as `window.callscope`: invoke a method, listen to events, and grant a
 * dropped or chosen file to the importer. Nothing else of Electron reaches the page; main
 * re-validates every input and checks the sender.
 */
const bridge = {
  invoke: (method: string, input: unknown): Promise<RpcResult> => ipcRenderer.invoke(RPC_CHANNEL, String(method), input),
  on: (event: string, listener: (payload: unknown) => void) => {
    const forward = (_: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, forward);
  },
  grantFile: async (file: File): Promise<string | null> => {
    // only a File the user dropped or picked has a path; one a script built has none
    const path = webUtils.getPathForFile(file);
    if (!path) return null;
    await ipcRenderer.invoke(GRANT_CHANNEL, [path]);
    return path;
  },
} satisfies DesktopBridge<File>;

contextBridge.exposeInMainWorld('callscope', bridge);
