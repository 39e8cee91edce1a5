import { stat } from 'node:fs/promises';
import { ApiError } from '../../core/api/errors';
import type { StoredCall, Turn } from '../../core/model/call';
import { detectCallPii, type CallPii } from '../../core/pii/call-findings';
import type { PiiType } from '../../core/pii/types';
import { recordingFileOf } from '../media/call-media';
import type { Db } from '../store/db';
import { listTurns } from '../store/turns';
import { redactedCallDocument } from './call-json';
import type { MaskMode } from './mask-signal';
import type { ExportFormat } from './options';
import { stringRedactor } from './redact-values';
import { exportTempPath, removeTemp } from './temp-files';
import { redactedTranscriptText } from './transcript-text';
import { writeRedactedWav } from './redacted-wav';

/** One call, read once, with its findings: what every format of its export is made from. */
export interface ExportSubject {
  call: StoredCall;
  turns: Turn[];
  pii: CallPii;
  types: PiiType[];
  audioPath: string | null;
}

export interface ExportOptions {
  types: PiiType[];
  mode: MaskMode;
}

/** A rendered export: small ones in memory, a WAV as a temporary file (the reader deletes it). */
export type ExportBody = { kind: 'bytes'; bytes: Buffer } | { kind: 'temp-file'; path: string; size: number };

export interface ExportFile {
  format: ExportFormat;
  contentType: string;
  body: ExportBody;
}

export const FILE_NAMES: Record<ExportFormat, string> = { json: 'call.json', txt: 'transcript.txt', wav: 'audio.wav' };
const CONTENT_TYPES: Record<ExportFormat, string> = { json: 'application/json; charset=utf-8', txt: 'text/plain; charset=utf-8', wav: 'audio/wav' };

/** The download name of one file of one call's export. */
export function downloadName(call: Pick<StoredCall, 'short_id'>, format: ExportFormat): string {
  return `callscope-${call.short_id}-redacted.${format}`;
}

export function exportSubject(db: Db, call: StoredCall, types: readonly PiiType[]): ExportSubject {
  const turns = listTurns(db, call.id);
  return { call, turns, pii: detectCallPii(turns, types), types: [...types], audioPath: recordingFileOf(db, call) };
}

/** Why this call's audio cannot be exported safely, or null: no recording here, or findings without a time. */
export function audioRefusal(subject: ExportSubject): string | null {
  const name = subject.call.external_id;
  if (!subject.audioPath) return `call ${name} has no recording on this machine, so there is no audio to export: export json or txt`;
  const untimed = subject.pii.findings.filter((f) => f.start_ms === null || f.end_ms === null).length;
  if (untimed > 0) return `call ${name} has ${untimed} finding(s) without a time in the call (its turns carry no times), so its audio cannot be redacted: export json or txt`;
  return null;
}

/**
 * Refuses, before anything is sent, what cannot be exported safely: audio for a call without a
 * recording here, or audio with findings that have no time (they could not be covered).
 */
export function assertExportable(subject: ExportSubject, formats: readonly ExportFormat[]): void {
  const refusal = formats.includes('wav') ? audioRefusal(subject) : null;
  if (refusal) throw new ApiError('invalid_payload', refusal);
}

async function renderWav(subject: ExportSubject, mode: MaskMode, dataDir: string): Promise<ExportBody> {
  if (!subject.audioPath) throw new ApiError('invalid_payload', `call ${subject.call.external_id} has no recording on this machine`);
  const path = await exportTempPath(dataDir, '.wav');
  try {
    await writeRedactedWav(subject.audioPath, subject.pii.findings, mode, path);
    return { kind: 'temp-file', path, size: (await stat(path)).size };
  } catch (error) {
    await removeTemp(path);
    // the decoder names the file and what is wrong with it: the caller's problem, not ours
    if (error instanceof Error && error.message.startsWith('Cannot decode')) throw new ApiError('invalid_payload', error.message);
    throw error;
  }
}

export async function renderExport(subject: ExportSubject, format: ExportFormat, mode: MaskMode, dataDir: string): Promise<ExportFile> {
  const redact = stringRedactor(subject.types.length > 0 ? new Set(subject.types) : null, subject.pii.findings.map((f) => f.text));
  const file = (body: ExportBody): ExportFile => ({ format, contentType: CONTENT_TYPES[format], body });
  switch (format) {
    case 'json': {
      const document = redactedCallDocument(subject.call, subject.turns, subject.pii, subject.types, redact);
      return file({ kind: 'bytes', bytes: Buffer.from(`${JSON.stringify(document, null, 2)}\n`) });
    }
    case 'txt': {
      const redactedText = new Map(subject.pii.redacted_turns.map((t) => [t.idx, t.text]));
      return file({ kind: 'bytes', bytes: Buffer.from(redactedTranscriptText(subject.turns, redactedText, redact)) });
    }
    case 'wav':
      return file(await renderWav(subject, mode, dataDir));
  }
}
