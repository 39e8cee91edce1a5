import { Readable } from 'node:stream';
import { z } from 'zod';
import { callListFilterSchema, callSortSchema } from '../../core/api/filter-schema';
import type { Db } from '../store/db';
import { callsCsv } from '../store/call-export';
import type { Download } from './downloads';

/**
 * The calls list as a CSV download (issue 14), for serve's `/api/v1/calls.csv` and `/media/calls.csv`
 * and the desktop's `callscope-media://calls.csv`: the query they all read, and the stream.
 */
export const callsCsvQuery = z.object({
  filter: z
    .string()
    .max(100_000)
    .optional()
    .transform((text, context) => {
      if (!text) return {};
      try {
        const parsed: unknown = JSON.parse(text);
        return parsed;
      } catch {
        context.addIssue({ code: 'custom', message: 'filter must be the list filter as JSON' });
        return z.NEVER;
      }
    })
    .pipe(callListFilterSchema),
  sort: z
    .string()
    .default('started_at:desc')
    .transform((text) => {
      const [column, direction = 'desc'] = text.split(':');
      return { column, direction };
    })
    .pipe(callSortSchema),
});

/** Reads on `reader` (a connection of its own, closed when the stream ends or is cancelled). */
export function callsCsvDownload(reader: Db, query: z.output<typeof callsCsvQuery>): Download {
  const slices = callsCsv(reader, query);
  const stream = Readable.from(
    (async function* () {
      try {
        for (const text of slices) {
          yield text;
          // let the listener answer other requests between slices
          await new Promise((resolve) => setImmediate(resolve));
        }
      } finally {
        reader.close();
      }
    })(),
  );
  const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
  return { filename: `callscope-calls-${stamp}.csv`, contentType: 'text/csv; charset=utf-8', size: null, stream };
}
