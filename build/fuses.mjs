/**
 * The Electron fuses the packaged app ships with: switches compiled into the Electron binary
 * that no flag, environment variable or script can turn back at run time. Kept apart from the
 * hook as plain data, so a unit test holds them.
 *
 * - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node interpreter.
 * - EnableCookieEncryption on: the session's cookies are encrypted at rest with the OS keychain.
 * - EnableNodeOptionsEnvironmentVariable off: NODE_OPTIONS cannot inject code (--require).
 * - EnableNodeCliInspectArguments off: --inspect cannot attach a debugger to the main process.
 * - EnableEmbeddedAsarIntegrityValidation on + OnlyLoadAppFromAsar on: the app runs only from its
 *   app.asar, checked against the hash electron-builder embeds (macOS and Windows; Electron has
 *   no ASAR integrity check on Linux yet).
 * - GrantFileProtocolExtraPrivileges off: the UI loads from app://callscope/, so file:// needs no
 *   extra powers.
 * - LoadBrowserProcessSpecificV8Snapshot off: no custom snapshot is shipped.
 */
export const fuseSettings = Object.freeze({
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
});

/**
 * The `flipFuses` config for @electron/fuses: the settings above keyed by its FuseV1Options. A
 * name the installed @electron/fuses does not know fails the build rather than being dropped.
 */
export function fuseConfig({ FuseV1Options, FuseVersion }, platform) {
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature: platform === 'darwin' };
  for (const [name, value] of Object.entries(fuseSettings)) {
    const option = FuseV1Options[name];
    if (typeof option !== 'number') throw new Error(`@electron/fuses has no fuse named ${name}`);
    config[option] = value;
  }
  return config;
}
