import * as electronFuses from '@electron/fuses';
import { fuseConfig } from './fuses.mjs';

/**
 * electron-builder's afterPack hook (`npm run package`): flips the fuses of build/fuses.mjs in the
 * packed Electron binary, before signing. electron-builder's packager finds the binary for the
 * platform (Callscope.app, Callscope.exe, callscope) and runs @electron/fuses' flipFuses on it.
 */
export default async function afterPack(context) {
  await context.packager.addElectronFuses(context, fuseConfig(electronFuses, context.electronPlatformName));
}
