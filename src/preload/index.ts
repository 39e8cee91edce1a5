import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, GESTURE_ONLY_METHODS, GRANT_CHANNEL, RPC_CHANNEL, type DesktopBridge, type RpcResult } from '../core/api/desktop-bridge';

/**
 * Exposes the API contract as `window.callscope`: invoke a method, listen to events, and grant a
 * dropped or chosen file to the importer. Nothing else of Electron reaches the page; main
 * re-validates every input and checks the sender.
 */
/** Whether the page is inside a click or key press (Chromium's transient user activation). */
function inUserGesture(): boolean {
  const activation: unknown = Reflect.get(Reflect.get(globalThis, 'navigator') ?? {}, 'userActivation');
  return typeof activation === 'object' && activation !== null && Reflect.get(activation, 'isActive') === true;
}

const bridge = {
  invoke: async (method: string, input: unknown): Promise<RpcResult> => {
    if (GESTURE_ONLY_METHODS.includes(String(method)) && !inUserGesture()) {
      return { ok: false, error: { code: 'forbidden', message: `${String(method)} answers only a click (Reveal or Copy)` } };
    }
    return ipcRenderer.invoke(RPC_CHANNEL, String(method), input);
  },
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
