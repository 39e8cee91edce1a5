import { realpathSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { isAbsolute, resolve, sep } from 'node:path';
import { ApiError } from '../../core/api/errors';

/**
 * Which paths the `importPaths` API method may read. It reads files on the machine that runs
 * Callscope for a caller that may not be allowed to: in the desktop app only what the user chose
 * in this session (a file dialog, a drop), in serve mode only under the folders given with
 * `--import-root`. Paths are compared after resolving symlinks, so a link inside a root that points
 * elsewhere leads nowhere. The shell's `callscope import` reads what its user names and skips this.
 */
export interface ImportAccess {
  /** the rule in words, for the 403. */
  readonly rule: string;
  /** whether a resolved (real) path may be read. */
  allows(realPath: string): boolean;
}

function isWithin(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

/** Serve mode: only under these folders (each must exist when the server starts). */
export function importRootsAccess(roots: readonly string[]): ImportAccess {
  const real = roots.map((root) => {
    try {
      return realpathSync(resolve(root));
    } catch {
      throw new Error(`--import-root ${root} does not exist`);
    }
  });
  if (real.length === 0) return noPathImports;
  return {
    rule: `files can be imported by path only from under the folders given with --import-root (${real.join(', ')})`,
    allows: (path) => real.some((root) => isWithin(path, root)),
  };
}

/** Serve mode without --import-root: the browser uploads dropped files instead. */
export const noPathImports: ImportAccess = {
  rule: 'importing files by path is off: start `callscope serve` with --import-root DIR to allow a folder, or drop the files on the window to upload them',
  allows: () => false,
};

export interface GrantedPaths extends ImportAccess {
  /** a path the user chose (a dialog, a drop); a folder grants what is under it. */
  grant(paths: readonly string[]): void;
}

/** The desktop app: what the user chose in this session. */
export function grantedPathsAccess(): GrantedPaths {
  const granted = new Set<string>();
  return {
    rule: 'only files and folders you chose in this session (dropped on the window or picked in a file dialog) can be imported by path',
    allows: (path) => [...granted].some((root) => isWithin(path, root)),
    grant(paths) {
      for (const path of paths) {
        if (!isAbsolute(path)) continue;
        try {
          granted.add(realpathSync(path));
        } catch {
          // a path that does not exist grants nothing
        }
      }
    },
  };
}

async function realOrNull(path: string): Promise<string | null> {
  try {
    return await realpath(path);
  } catch {
    return null;
  }
}

/**
 * Throws a 403 naming the rule when any path is outside it. A path that does not exist is judged
 * by where it would be (the import then reports it missing), so the answer tells a caller nothing
 * about which files exist where it may not look.
 */
export async function checkImportPaths(access: ImportAccess, paths: readonly string[]): Promise<void> {
  const refused: string[] = [];
  for (const path of paths) {
    const real = isAbsolute(path) ? ((await realOrNull(path)) ?? resolve(path)) : null;
    if (real === null || !access.allows(real)) refused.push(path);
  }
  if (refused.length === 0) return;
  const shown = refused.slice(0, 3).join(', ') + (refused.length > 3 ? ` and ${refused.length - 3} more` : '');
  throw new ApiError('forbidden', `cannot import ${shown}: ${access.rule}`, refused.slice(0, 20).map((path) => ({ path: 'paths', message: `${path} is not allowed` })));
}

/** For the folder walk: an entry whose real path leaves the allowed places is skipped. */
export async function isReadable(access: ImportAccess, path: string): Promise<boolean> {
  const real = await realOrNull(path);
  return real !== null && access.allows(real);
}
