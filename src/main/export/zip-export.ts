import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { audioRefusal, FILE_NAMES, renderExport, type ExportSubject } from './call-export';
import type { MaskMode } from './mask-signal';
import type { ExportFormat } from './options';
import { removeTemp } from './temp-files';

/**
 * A selection as one zip, `<short-id>/call.json`, `transcript.txt`, `audio.wav` per call, streamed:
 * each call's files are rendered only when the zip reaches them, a WAV is copied in from its
 * temporary file chunk by chunk, and nothing is produced faster than the client reads.
 */
async function* zipChunks(subjects: readonly ExportSubject[], formats: readonly ExportFormat[], mode: MaskMode, dataDir: string): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else ready.push(chunk);
  });
  function* drain(): Generator<Uint8Array> {
    if (failure) throw failure;
    while (ready.length > 0) {
      const chunk = ready.shift();
      if (chunk) yield chunk;
    }
  }
  for (const subject of subjects) {
    for (const format of formats) {
      const refusal = format === 'wav' ? audioRefusal(subject) : null;
      if (refusal) {
        const note = new ZipDeflate(`${subject.call.short_id}/audio-not-exported.txt`, { level: 6 });
        zip.add(note);
        note.push(new TextEncoder().encode(`${refusal}\n`), true);
        yield* drain();
        continue;
      }
      const file = await renderExport(subject, format, mode, dataDir);
      const name = `${subject.call.short_id}/${FILE_NAMES[format]}`;
      if (file.body.kind === 'bytes') {
        const entry = new ZipDeflate(name, { level: 6 });
        zip.add(entry);
        entry.push(file.body.bytes, true);
        yield* drain();
        continue;
      }
      // PCM hardly compresses: stored as is, which also keeps the zip fast to write
      const entry = new ZipPassThrough(name);
      zip.add(entry);
      try {
        for await (const chunk of createReadStream(file.body.path)) {
          entry.push(chunk instanceof Uint8Array ? chunk : Buffer.from(String(chunk)));
          yield* drain();
        }
      } finally {
        await removeTemp(file.body.path);
      }
      entry.push(new Uint8Array(0), true);
      yield* drain();
    }
  }
  zip.end();
  yield* drain();
}

export function zipExportStream(subjects: readonly ExportSubject[], formats: readonly ExportFormat[], mode: MaskMode, dataDir: string): Readable {
  return Readable.from(zipChunks(subjects, formats, mode, dataDir), { objectMode: false });
}
