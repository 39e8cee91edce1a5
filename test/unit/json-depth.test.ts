import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkJsonDepth } from '../../src/core/json/depth';

function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (typeof value === 'object' && value !== null) return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

describe('checkJsonDepth', () => {
  it('agrees with the real nesting of any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 12 }), (value) => {
        const text = JSON.stringify(value);
        const depth = depthOf(value);
        expect(checkJsonDepth(text, depth).ok).toBe(true);
        if (depth > 0) expect(checkJsonDepth(text, depth - 1).ok).toBe(false);
      }),
    );
  });

  it('ignores brackets and escaped quotes inside strings', () => {
    const text = JSON.stringify({ a: '[[[[{{{{ \\" ]]' });
    expect(checkJsonDepth(text, 1)).toEqual({ ok: true, offset: -1 });
  });

  it('reports where the limit is first exceeded', () => {
    expect(checkJsonDepth('[[[1]]]', 2)).toEqual({ ok: false, offset: 2 });
  });
});
