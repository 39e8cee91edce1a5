import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The payload corpus kept in the repository (`test/fixtures/corpus`), so a fresh clone runs the e2e suite. */
export const corpusDir = join(__dirname, '../../fixtures/corpus');

/** The bytes of a corpus payload, named like `vapi/eocr_basic`. */
export function corpusFile(name: string): Buffer {
  return readFileSync(join(corpusDir, `${name}.json`));
}
