import { describe, expect, it } from 'vitest';
import type { FormatModule } from '../../src/core/formats/types';
import { expectFacts, loadCorpus } from './corpus';

/**
 * The corpus checks every format module gets: every payload of its provider yields every expected
 * fact, `detect` names its source format, and `detect` claims no other provider's payload.
 */
export function describeCorpusFormat(label: string, provider: string, format: FormatModule, minimumCases: number): void {
  const cases = loadCorpus(provider).filter((c) => c.expected.accept);
  const others = loadCorpus().filter((c) => c.provider !== provider);

  describe(`${label} payloads against the corpus`, () => {
    it('has corpus files to check', () => {
      expect(cases.length).toBeGreaterThanOrEqual(minimumCases);
    });

    it.each(cases.map((c) => [c.name, c] as const))('%s yields every expected fact', (_name, corpusCase) => {
      const { call, turns } = format.normalize(corpusCase.payload);
      expectFacts(call, turns, corpusCase.expected);
    });

    it.each(loadCorpus(provider).map((c) => [c.name, c] as const))('detect names the source format of %s', (_name, corpusCase) => {
      expect(format.detect(corpusCase.payload)).toBe(corpusCase.expected.source_format);
    });

    it.each(others.map((c) => [c.name, c] as const))('detect leaves %s to its own format', (_name, corpusCase) => {
      expect(format.detect(corpusCase.payload)).toBeNull();
    });
  });
}
