import { join } from 'node:path';
import { app, BrowserWindow, dialog, session, type WebFrameMain } from 'electron';
import { openApp, type AppCore } from '../app';
import { startListener, type Listener } from '../http/server';
import { registerIpc } from './ipc';
import { guardAllWebContents, hardenSession } from './security';
import { handleAppProtocol, registerSchemes } from './app-protocol';
import { APP_URL, isAppPage } from './policy';
import { electronNativeBinding } from './native-binding';
import { installMenu } from './menu';
import { handleMediaProtocol } from './media-protocol';
import { safeStorageSealer } from './safe-storage-sealer';
import { grantedPathsAccess } from '../import/import-access';

/**
 * The desktop shell: wires the Electron-free backend (openApp, startListener) to a window.
 * Kept thin on purpose: Electron cannot run on our build machines, everything behind it is
 * tested in Node and, through `callscope serve`, in Chromium.
 */
const rendererDir = join(__dirname, '../renderer');
// electron-vite's dev server in development; the packaged app always loads app://callscope/
const appLocation = new URL((!app.isPackaged && process.env.ELECTRON_RENDERER_URL) || APP_URL);
const appUrl = appLocation.toString(); // normalized, as frames report their URL
const appOrigin = `${appLocation.protocol}//${appLocation.host}`; // URL.origin is "null" for app:

let core: AppCore | null = null;
let listener: Listener | null = null;

function isTrustedFrame(frame: WebFrameMain | null): boolean {
  return frame !== null && frame.parent === null && isAppPage(frame.url, appUrl);
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    title: 'Callscope',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appUrl);
  return window;
}

registerSchemes();
guardAllWebContents(appUrl);

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  hardenSession(session.defaultSession, appOrigin);
  handleAppProtocol(rendererDir);
  const dataDir = process.env.CALLSCOPE_DATA_DIR ?? app.getPath('userData');
  const binding = electronNativeBinding();
  // safeStorage is usable only after 'ready'; the key is read when a run starts, never at open.
  const sealer = safeStorageSealer();
  // importPaths reads only what the user chose in this session (a dialog, a drop)
  const granted = grantedPathsAccess();
  core = openApp({
    dataDir,
    importAccess: granted,
    env: process.env,
    ...(sealer ? { sealer } : {}),
    ...(binding ? { nativeBinding: binding } : {}),
  });
  try {
    listener = await startListener({ core, host: '127.0.0.1', port: core.config.listenerPort });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    core.setListenerState({ url: null, error: message });
    dialog.showErrorBox('Callscope listener did not start', `${message}\n\nImported calls still work; webhooks will not arrive.`);
  }
  registerIpc(core, isTrustedFrame, () => BrowserWindow.getAllWindows(), granted);
  handleMediaProtocol(core, appOrigin);
  core.audio.resume();
  const appCore = core;
  installMenu(appCore, granted, () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]);
  createWindow();
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  void listener?.close();
  core?.close();
});

start().catch((error: unknown) => {
  dialog.showErrorBox('Callscope could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
});
