import { rmSync } from 'node:fs';
import { relative, resolve, isAbsolute } from 'node:path';
import type { Db } from '../store/db';
import { deleteCall } from '../store/calls';
import { audioFilesOf } from '../store/audio';
import { TRASH_KEEP_DAYS, trashedBefore } from '../store/call-trash';

/**
 * Deletes calls for good: their rows (turns, payloads, notes, tags, figures, results: `deleteCall`)
 * in one transaction, then the audio files the app keeps for them. Only files inside the data
 * folder's `media/` go: a path the store names elsewhere is the user's own file, never ours to remove.
 * Answers the ids that existed.
 */
export function deleteCallsForGood(db: Db, dataDir: string, ids: readonly number[]): number[] {
  const media = resolve(dataDir, 'media');
  const files: string[] = [];
  const deleted = db.transaction(() =>
    ids.filter((id) => {
      const paths = audioFilesOf(db, id);
      if (!deleteCall(db, id)) return false;
      files.push(...paths);
      return true;
    }),
  )();
  // after the commit: a file that fails to go leaves litter, never a call without its audio
  for (const file of files) {
    const inside = relative(media, resolve(file));
    if (inside && !inside.startsWith('..') && !isAbsolute(inside)) rmSync(file, { force: true });
  }
  return deleted;
}

/** Deletes for good what has been in the trash past its time (at start-up); answers how many calls went. */
export function purgeOldTrash(db: Db, dataDir: string, now = Date.now()): number {
  const cutoff = new Date(now - TRASH_KEEP_DAYS * 24 * 60 * 60 * 1000).toISOString();
  return deleteCallsForGood(db, dataDir, trashedBefore(db, cutoff)).length;
}
