import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { AUDIO_EXTENSIONS } from '../media/recordings';

export type ImportFileKind = 'json' | 'jsonl' | 'audio';

export interface ImportFile {
  path: string;
  kind: ImportFileKind;
  bytes: number;
}

export interface SkippedPath {
  source: string;
  message: string;
}

export function kindOf(path: string): ImportFileKind | null {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (AUDIO_EXTENSIONS.includes(ext)) return 'audio';
  return null;
}

/**
 * Expands files and folders (recursively, skipping hidden entries) into the files to import.
 * With `mayRead`, an entry found in a folder whose real path leaves the allowed places (a symlink
 * out of an import root) is skipped and reported.
 */
export async function collectImportFiles(paths: readonly string[], mayRead?: (path: string) => Promise<boolean>): Promise<{ files: ImportFile[]; skipped: SkippedPath[] }> {
  const files: ImportFile[] = [];
  const skipped: SkippedPath[] = [];
  const visit = async (path: string, explicit: boolean): Promise<void> => {
    if (mayRead && !(await mayRead(path))) {
      skipped.push({ source: path, message: 'skipped: it leads outside the places files may be imported from' });
      return;
    }
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      skipped.push({ source: path, message: `cannot read: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(path)).filter((name) => !name.startsWith('.')).sort();
      for (const name of entries) await visit(join(path, name), false);
      return;
    }
    const kind = kindOf(path);
    if (kind) files.push({ path, kind, bytes: info.size });
    else if (explicit) skipped.push({ source: path, message: `unsupported file type "${extname(path) || basename(path)}" (use .json, .jsonl or audio)` });
  };
  for (const path of paths) await visit(path, true);
  return { files, skipped };
}
