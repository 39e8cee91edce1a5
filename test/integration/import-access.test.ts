import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp } from '../../src/main/app';
import { grantedPathsAccess } from '../../src/main/import/import-access';
import { startServe, type RunningServe } from '../../src/main/serve';
import { TEST_API_KEY, tempDir } from '../support/temp-app';

/**
 * `importPaths` over serve mode's RPC reads files on the server: only under the folders given with
 * --import-root, never elsewhere (not /etc, not through a symlink, not by `..`), and a file that is
 * not a call is reported without quoting its keys or values.
 */
let dir: ReturnType<typeof tempDir>;
let root: string;
let outside: string;
let serve: RunningServe | null = null;

const call = (id: string) => JSON.stringify({ id, provider_platform: 'vapi', messages: [{ role: 'bot', content: 'Hello there' }, { role: 'user', content: 'hi' }] });

beforeEach(() => {
  process.env.CALLSCOPE_API_KEY = TEST_API_KEY;
  dir = tempDir('callscope-import-access-');
  root = join(dir.path, 'exports');
  outside = join(dir.path, 'elsewhere');
  mkdirSync(join(root, 'nested'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(root, 'nested', 'one.json'), call('inside-1'));
  writeFileSync(join(outside, 'private.json'), call('outside-1'));
  writeFileSync(join(outside, 'package.json'), JSON.stringify({ name: 'unrelated-private-pkg', version: '9.9.9', scripts: { deploy: 'secret-token-123' } }));
});
afterEach(async () => {
  await serve?.stop();
  serve = null;
  dir.remove();
});

async function start(importRoots: string[]): Promise<RunningServe> {
  serve = await startServe({ host: '127.0.0.1', port: 0, dataDir: join(dir.path, 'data'), rendererDir: join(__dirname, '../../out/renderer'), importRoots });
  return serve;
}

async function rpc(method: string, input: unknown) {
  const response = await fetch(`${serve!.listener.url}/rpc/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_API_KEY}` },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: await response.json() };
}

const importPaths = (paths: string[]) => rpc('importPaths', { import_id: `t-${Math.random()}`, paths });

describe('importPaths over serve-mode RPC', () => {
  it('without --import-root reads no path at all, and says how to allow one', async () => {
    await start([]);
    const refused = await importPaths([join(root, 'nested', 'one.json')]);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/--import-root DIR/) });
    expect((await rpc('listCalls', {})).body.total).toBe(0);
  });

  it('reads under a root, and refuses /etc, other folders, `..` and symlinks out of the root', async () => {
    await start([root]);
    const ok = await importPaths([root]);
    expect(ok.status).toBe(200);
    expect(ok.body, JSON.stringify(ok.body)).toMatchObject({ imported: 1, failed: 0 });

    for (const path of ['/etc', '/etc/hostname', join(outside, 'private.json'), join(root, '..', 'elsewhere', 'private.json'), 'relative/one.json']) {
      const refused = await importPaths([path]);
      expect(refused.status, path).toBe(403);
      expect(refused.body.error.message).toMatch(/only from under the folders given with --import-root/);
    }
    symlinkSync(join(outside, 'private.json'), join(root, 'link.json'));
    expect((await importPaths([join(root, 'link.json')])).status).toBe(403);
    const walked = await importPaths([root]);
    expect(walked.status).toBe(200);
    expect(walked.body.failures).toEqual([{ source: join(root, 'link.json'), message: expect.stringMatching(/outside the places files may be imported from/) }]);
    const ids = (await rpc('listCalls', {})).body.rows.map((row: { external_id: string }) => row.external_id);
    expect(ids).toEqual(['inside-1']);
  });

  it('reports a file that is no call, or no JSON, without quoting it', async () => {
    await start([root]);
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'unrelated-private-pkg', version: '9.9.9', scripts: { deploy: 'secret-token-123' } }));
    writeFileSync(join(root, 'broken.json'), 'root:x:0:0:secret-token-456');
    writeFileSync(join(root, 'envelope.json'), JSON.stringify({ message: 'secret-token-789', status: 'error', error: 'secret-token-789', data: null }));
    const result = await importPaths([join(root, 'package.json'), join(root, 'broken.json'), join(root, 'envelope.json')]);
    expect(result.status).toBe(200);
    expect(result.body.failed).toBe(3);
    const text = JSON.stringify(result.body.failures);
    for (const leaked of ['unrelated-private-pkg', 'scripts', 'deploy', 'secret-token', 'root:x']) expect(text).not.toContain(leaked);
    expect(result.body.failures[0].message).toMatch(/^not a call in any supported format/);
    expect(result.body.failures[1].message).toMatch(/^not valid JSON/);
    expect(result.body.failures[2].message).toBe('wrapped Retell-like payload is an error envelope, not a call (at status, data)');
  });
});

describe('callscope serve --import-root', () => {
  const bin = join(__dirname, '../../bin/callscope');

  it('is in --help, and a root that does not exist stops the start', () => {
    expect(spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' }).stdout).toMatch(/--import-root DIR/);
    const run = spawnSync(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', join(dir.path, 'data'), '--import-root', join(dir.path, 'missing')], { encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/--import-root .*missing does not exist/);
  });
});

describe('importPaths in the desktop app (granted paths, as the dialog and drop handlers grant them)', () => {
  it('reads only what was chosen in this session: a chosen folder grants what is under it', async () => {
    const granted = grantedPathsAccess();
    const core = openApp({ dataDir: join(dir.path, 'desktop-data'), importAccess: granted });
    try {
      const one = join(root, 'nested', 'one.json');
      await expect(core.handlers.importPaths({ import_id: 'd1', paths: [one] })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/only files and folders you chose in this session/) });
      granted.grant([join(root, 'nested')]);
      expect(await core.handlers.importPaths({ import_id: 'd2', paths: [one] })).toMatchObject({ imported: 1 });
      await expect(core.handlers.importPaths({ import_id: 'd3', paths: [join(outside, 'private.json')] })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(core.handlers.importPaths({ import_id: 'd4', paths: [join(root, 'nested', '..', '..', 'elsewhere', 'private.json')] })).rejects.toMatchObject({ code: 'forbidden' });
    } finally {
      core.close();
    }
  });
});
