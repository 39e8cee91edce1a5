import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planLanes } from '../../src/main/audio/model-lanes';

describe('planLanes (the speech model batch rows)', () => {
  it('runs every stretch once, whole, and never two at once in a lane', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 600 }), fc.integer({ min: 1, max: 300 }), (counts, maxLanes) => {
        const { lanes, steps } = planLanes(counts, maxLanes);
        expect(lanes.length).toBeLessThanOrEqual(maxLanes);
        const seen = lanes.flat().map((item) => item.index).sort((a, b) => a - b);
        expect(seen).toEqual(counts.some((c) => c > 0) ? counts.map((_, i) => i) : []);
        for (const lane of lanes) {
          let end = 0;
          for (const item of lane) {
            expect(item.windows).toBe(counts[item.index]);
            expect(item.startStep).toBeGreaterThanOrEqual(end);
            end = item.startStep + item.windows;
            expect(end).toBeLessThanOrEqual(steps);
          }
        }
      }),
    );
  });

  it('keeps the rows busy: a 60-minute call\'s stretches fill nine tenths of the row-steps', () => {
    // lengths like those of an hour of telephony: many short stretches, some 30 s chunks
    const counts = Array.from({ length: 840 }, (_, i) => (i % 7 === 0 ? 1188 : 20 + ((i * 37) % 160)));
    const { lanes, steps } = planLanes(counts, 256);
    const useful = counts.reduce((sum, c) => sum + c, 0);
    expect(useful / (lanes.length * steps)).toBeGreaterThan(0.9);
  });
});
