import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as electronFuses from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import afterPack from '../../build/after-pack.mjs';
import { fuseConfig, fuseSettings } from '../../build/fuses.mjs';
import { APP_ORIGIN, APP_URL, isAppPage, isPermissionAllowed, mediaCorsOrigin, rendererFileOf } from '../../src/main/electron/policy';

/**
 * The desktop shell cannot run here (no Electron binary), so its decisions live in a pure module
 * and the packaging config in plain data: these tests hold both.
 */
const root = join(__dirname, '../..');
const rendererDir = '/opt/callscope/out/renderer';

describe('the app protocol (app://callscope/ instead of file://)', () => {
  it('serves files of the renderer folder only', () => {
    expect(APP_URL).toBe('app://callscope/index.html');
    expect(rendererFileOf('app://callscope/', rendererDir)).toBe(join(rendererDir, 'index.html'));
    expect(rendererFileOf('app://callscope/assets/index-1.js?v=2', rendererDir)).toBe(join(rendererDir, 'assets/index-1.js'));
    // the URL parser resolves dot segments before the path is looked at: they cannot climb out
    expect(rendererFileOf('app://callscope/../../main/index.js', rendererDir)).toBe(join(rendererDir, 'main/index.js'));
    expect(rendererFileOf('app://callscope/%2e%2e/%2e%2e/etc/passwd', rendererDir)).toBe(join(rendererDir, 'etc/passwd'));
    for (const url of ['app://callscope/..%5c..%5cmain.js', 'app://callscope/assets%2f..%2f..%2fmain.js', 'app://other/index.html', 'file:///etc/passwd', 'app://callscope/%E0%A4%A', 'not a url']) {
      expect(rendererFileOf(url, rendererDir), url).toBeNull();
    }
  });

  it('answers IPC and navigation for the app page only', () => {
    expect(isAppPage('app://callscope/index.html', APP_URL)).toBe(true);
    expect(isAppPage('app://callscope/index.html#/calls/3', APP_URL)).toBe(true);
    expect(isAppPage('app://callscope/index.html.evil', APP_URL)).toBe(false);
    expect(isAppPage('https://evil.example/', APP_URL)).toBe(false);
  });
});

describe('permissions and CORS', () => {
  it('grants the clipboard write and notifications (watch rules) to the app origin and nothing else to anyone', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://callscope/index.html', APP_ORIGIN)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/', APP_ORIGIN)).toBe(false);
    expect(isPermissionAllowed('notifications', 'app://callscope/index.html', APP_ORIGIN)).toBe(true);
    expect(isPermissionAllowed('notifications', 'https://evil.example/', APP_ORIGIN)).toBe(false);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'hid', 'usb', 'serial', 'fullscreen']) {
      expect(isPermissionAllowed(permission, 'app://callscope/index.html', APP_ORIGIN), permission).toBe(false);
    }
  });

  it('lets only the app origin read media cross-origin, never *', () => {
    expect(mediaCorsOrigin(APP_ORIGIN, APP_ORIGIN)).toBe(APP_ORIGIN);
    expect(mediaCorsOrigin('https://evil.example', APP_ORIGIN)).toBeNull();
    expect(mediaCorsOrigin(null, APP_ORIGIN)).toBeNull();
    const electronDir = join(root, 'src/main/electron');
    for (const file of readdirSync(electronDir)) {
      expect(readFileSync(join(electronDir, file), 'utf8'), file).not.toMatch(/access-control-allow-origin['"],\s*['"]\*/i);
    }
  });
});

describe('packaging: electron-builder with fuses', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

  it('flips the fuses that close run-as-node, NODE_OPTIONS, --inspect and unpacked apps', () => {
    expect(fuseSettings).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
    const config = fuseConfig(electronFuses, 'linux');
    const { FuseV1Options, FuseVersion } = electronFuses;
    expect(config.version).toBe(FuseVersion.V1);
    expect(config[FuseV1Options.RunAsNode]).toBe(false);
    expect(config[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuseConfig(electronFuses, 'darwin').resetAdHocDarwinSignature).toBe(true);
    expect(() => fuseConfig({ FuseVersion, FuseV1Options: {} }, 'linux')).toThrow(/no fuse named RunAsNode/);
  });

  it('runs the fuses from the afterPack hook that package.json names, on the packed binary', async () => {
    expect(pkg.scripts.package).toMatch(/electron-vite build && node scripts\/package\.mjs/);
    expect(pkg.build).toMatchObject({ asar: true, afterPack: './build/after-pack.mjs', npmRebuild: false });
    const flipped: unknown[] = [];
    const context = { electronPlatformName: 'win32', appOutDir: '/tmp/x', packager: { addElectronFuses: async (ctx: unknown, fuses: unknown) => void flipped.push(ctx, fuses) } };
    await afterPack(context);
    expect(flipped).toEqual([context, fuseConfig(electronFuses, 'win32')]);
  });
});
