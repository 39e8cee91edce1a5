import { randomUUID } from 'node:crypto';
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions, type OpenDialogOptions } from 'electron';
import type { AppCore } from '../app';
import type { GrantedPaths } from '../import/import-access';

/**
 * File > Import Files… / Import Folder…: the chosen paths are granted to the importer for this
 * session and go to the same import job as a drop; its progress and summary reach the window as events.
 */
async function chooseAndImport(core: AppCore, granted: GrantedPaths, window: BrowserWindow | undefined, kind: 'openFile' | 'openDirectory'): Promise<void> {
  const options: OpenDialogOptions = {
    title: kind === 'openFile' ? 'Import call files' : 'Import a folder of calls',
    properties: [kind, 'multiSelections'],
    filters: kind === 'openFile' ? [{ name: 'Calls and recordings', extensions: ['json', 'jsonl', 'ndjson', 'wav', 'mp3', 'ogg', 'flac', 'm4a'] }] : [],
  };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  if (result.canceled || result.filePaths.length === 0) return;
  granted.grant(result.filePaths);
  await core.handlers.importPaths({ import_id: `menu-${randomUUID()}`, paths: result.filePaths });
}

export function installMenu(core: AppCore, granted: GrantedPaths, focused: () => BrowserWindow | undefined): void {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+O', click: () => void chooseAndImport(core, granted, focused(), 'openFile') },
        { label: 'Import Folder…', accelerator: 'CmdOrCtrl+Shift+O', click: () => void chooseAndImport(core, granted, focused(), 'openDirectory') },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  app.setAboutPanelOptions({ applicationName: 'Callscope' });
}
