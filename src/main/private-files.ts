import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The data folder holds every call, the API key and the webhook secrets: only its owner may read
 * it. Folders are 0700 and files 0600 whatever the umask. SQLite gives the -wal and -shm files the
 * mode of the database file, so creating that one 0600 covers all three.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Files of earlier versions were created 0644; ours are tightened when found. */
function tighten(path: string, mode: number): void {
  if (existsSync(path) && (statSync(path).mode & 0o777) !== mode) chmodSync(path, mode);
}

/**
 * Creates the data folder (and `media/`) 0700. An existing folder is tightened only when it is
 * already a Callscope folder: `--data-dir ~/Documents` must not change the user's own folder.
 */
export function ensureDataDir(dataDir: string): void {
  const isOurs = !existsSync(dataDir) || ['config.json', 'callscope.db'].some((name) => existsSync(join(dataDir, name)));
  mkdirSync(join(dataDir, 'media'), { recursive: true, mode: PRIVATE_DIR_MODE });
  if (isOurs) tighten(dataDir, PRIVATE_DIR_MODE);
  tighten(join(dataDir, 'media'), PRIVATE_DIR_MODE);
}

/** Before SQLite opens it: the database file exists 0600 (an empty file is a new database). */
export function preparePrivateDbFile(dbFile: string): void {
  closeSync(openSync(dbFile, 'a', PRIVATE_FILE_MODE));
  for (const file of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) tighten(file, PRIVATE_FILE_MODE);
}

export function makeFilePrivate(file: string): void {
  tighten(file, PRIVATE_FILE_MODE);
}
