import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';

/**
 * Exposes the API contract as `window.callscope`: invoke a method, listen to events. Nothing else
 * of Electron reaches the page; main re-validates every input and checks the sender.
 */
const RPC_CHANNEL = 'callscope:rpc';
const EVENT_CHANNEL = 'callscope:event';

contextBridge.exposeInMainWorld('callscope', {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke(RPC_CHANNEL, String(method), input),
  on: (event: string, listener: (payload: unknown) => void) => {
    const forward = (_: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, forward);
  },
  /** the file-system path of a dropped or chosen File, so main can stream it. */
  pathForFile: (file: File) => webUtils.getPathForFile(file),
});
