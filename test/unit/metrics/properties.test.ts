import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentTimingMetrics, type TimingMetrics } from '../../../src/core/metrics/compute';
import { CROSSTALK_MAX_MS, isBackchannelText, PHRASE_PAUSE_MS, SHORT_BACKCHANNEL_MS } from '../../../src/core/metrics/overlaps';
import { isMeasurable, type SpeechSegment } from '../../../src/core/metrics/segments';

const texts = ['uh-huh', 'yeah okay', 'I see', 'wait, no', 'my card number is', 'Thursday works'];

const segment = fc
  .record({
    speaker: fc.constantFrom('agent' as const, 'user' as const),
    start_ms: fc.integer({ min: 0, max: 60_000 }),
    length_ms: fc.oneof(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 12_000 })),
    text: fc.option(fc.constantFrom(...texts), { nil: undefined }),
  })
  .map(({ speaker, start_ms, length_ms, text }): SpeechSegment =>
    text === undefined ? { speaker, start_ms, end_ms: start_ms + length_ms } : { speaker, start_ms, end_ms: start_ms + length_ms, text });

/** Any times at all, backwards ones included. */
const looseSegment = fc.record({
  speaker: fc.constantFrom('agent' as const, 'user' as const),
  start_ms: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  end_ms: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
});

/** METRICS §3 and §1 read literally, pair by pair: the reference the sweeps must agree with. */
function referenceOverlaps(segments: readonly SpeechSegment[]) {
  const events: { kind: string; speaker: string; at_ms: number; overlap_ms: number; parts: SpeechSegment[] }[] = [];
  const ordered = [...segments].sort((a, b) => a.start_ms - b.start_ms || a.end_ms - b.end_ms);
  const continued = new Set<SpeechSegment>();
  for (const s of ordered) {
    if (continued.has(s)) continue;
    const containing = segments.filter((p) => p.speaker !== s.speaker && p.start_ms < s.start_ms && s.start_ms < p.end_ms);
    if (containing.length === 0) continue;
    const p = containing.reduce((a, b) => (b.end_ms > a.end_ms ? b : a));
    // the utterance: s and the same speaker's next segments after pauses under PHRASE_PAUSE_MS, begun inside p
    const parts = [s];
    let end = s.end_ms;
    for (const t of ordered.slice(ordered.indexOf(s) + 1).filter((t) => t.speaker === s.speaker)) {
      if (t.start_ms - end >= PHRASE_PAUSE_MS || t.start_ms >= p.end_ms) break;
      parts.push(t);
      continued.add(t);
      end = Math.max(end, t.end_ms);
    }
    const overlap = Math.min(p.end_ms, end) - s.start_ms;
    if (overlap < CROSSTALK_MAX_MS) continue;
    const words = parts.every((t) => t.text !== undefined) && isBackchannelText(parts.map((t) => t.text).join(' '));
    const backchannel = end < p.end_ms && (end - s.start_ms < SHORT_BACKCHANNEL_MS || words);
    events.push({ kind: backchannel ? 'backchannel' : 'interruption', speaker: s.speaker, at_ms: s.start_ms, overlap_ms: overlap, parts });
  }
  return events;
}

function referenceLatencies(segments: readonly SpeechSegment[], backchannels: ReadonlySet<SpeechSegment>) {
  const latest = (list: SpeechSegment[]) => list.reduce<SpeechSegment | undefined>((a, b) => (a === undefined || b.end_ms > a.end_ms ? b : a), undefined);
  return segments
    .filter((a) => a.speaker === 'agent' && !backchannels.has(a))
    .flatMap((a) => {
      const u = latest(segments.filter((s) => s.speaker === 'user' && !backchannels.has(s) && s.end_ms < a.start_ms));
      const previousAgent = latest(segments.filter((s) => s.speaker === 'agent' && !backchannels.has(s) && s.end_ms < a.start_ms));
      return u !== undefined && (previousAgent === undefined || previousAgent.end_ms < u.end_ms) ? [{ at_ms: a.start_ms, ms: a.start_ms - u.end_ms }] : [];
    });
}

// by time, then by content: two events can start at the same instant
const byTime = <T extends { at_ms: number }>(list: T[]) => [...list].sort((a, b) => a.at_ms - b.at_ms || JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** The interruptions, which must be known exactly when some speech could be placed in time. */
function interruptionsOf(m: TimingMetrics, segments: readonly SpeechSegment[]): NonNullable<TimingMetrics['interruptions']> {
  const timed = segments.some(isMeasurable);
  expect(m.interruptions === null).toBe(!timed);
  expect(m.silence.longest_ms === null).toBe(!timed);
  return m.interruptions ?? { user_interrupts_agent: [], agent_interrupts_user: [], backchannels: [] };
}

describe('segment metrics, properties', () => {
  it('no negative latency or overlap; talk ratio within [0, 1]; silence and speech add up', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 40 }), (segments) => {
        const m = segmentTimingMetrics(segments);
        const found = interruptionsOf(m, segments);
        for (const l of m.latencies) expect(l.ms).toBeGreaterThan(0);
        const all = [...found.user_interrupts_agent, ...found.agent_interrupts_user, ...found.backchannels];
        for (const o of all) expect(o.overlap_ms).toBeGreaterThanOrEqual(CROSSTALK_MAX_MS);
        if (m.talk_ratio === null) expect(m.speech_ms.agent + m.speech_ms.user).toBe(0);
        else {
          expect(m.talk_ratio).toBeGreaterThanOrEqual(0);
          expect(m.talk_ratio).toBeLessThanOrEqual(1);
        }
        expect(m.silence.longest_ms ?? 0).toBeGreaterThanOrEqual(0);
        for (const gap of m.silence.segments) expect(gap.end_ms - gap.start_ms).toBeGreaterThanOrEqual(3000);
        expect(m.latency_ms?.count ?? 0).toBe(m.latencies.length);
      }),
      { numRuns: 500 },
    );
  });

  it('the same holds for segments with any times, backwards ones included', () => {
    fc.assert(
      fc.property(fc.array(looseSegment, { maxLength: 30 }), (segments) => {
        const m = segmentTimingMetrics(segments);
        const found = interruptionsOf(m, segments);
        for (const l of m.latencies) expect(l.ms).toBeGreaterThan(0);
        const all = [...found.user_interrupts_agent, ...found.agent_interrupts_user, ...found.backchannels];
        for (const o of all) expect(o.overlap_ms).toBeGreaterThanOrEqual(0);
        expect(m.speech_ms.agent).toBeGreaterThanOrEqual(0);
        expect(m.speech_ms.user).toBeGreaterThanOrEqual(0);
        if (m.talk_ratio !== null) {
          expect(m.talk_ratio).toBeGreaterThanOrEqual(0);
          expect(m.talk_ratio).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the sweeps agree with the definitions read pair by pair', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 30 }), (segments) => {
        const m = segmentTimingMetrics(segments);
        const found = interruptionsOf(m, segments);
        const events = referenceOverlaps(segments);
        const figures = (kind: string, speaker: string) => byTime(events.filter((e) => e.kind === kind && e.speaker === speaker).map((e) => ({ at_ms: e.at_ms, overlap_ms: e.overlap_ms })));
        expect(byTime(found.user_interrupts_agent)).toEqual(figures('interruption', 'user'));
        expect(byTime(found.agent_interrupts_user)).toEqual(figures('interruption', 'agent'));
        const backchannels = events.filter((e) => e.kind === 'backchannel');
        expect(found.backchannels.map((b) => [b.at_ms, b.overlap_ms, b.speaker]).sort()).toEqual(backchannels.map((b) => [b.at_ms, b.overlap_ms, b.speaker]).sort());
        const expected = byTime(referenceLatencies(segments, new Set(backchannels.flatMap((b) => b.parts))));
        expect(byTime(m.latencies)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('agrees on the counterexample fast-check once found (two agent segments starting together)', () => {
    const segments = [
      { speaker: 'agent' as const, start_ms: 14, end_ms: 1015 },
      { speaker: 'agent' as const, start_ms: 14, end_ms: 1014 },
      { speaker: 'user' as const, start_ms: 0, end_ms: 1015 },
    ];
    const m = segmentTimingMetrics(segments);
    // the second agent segment continues the first (no pause between them): one talk-over
    expect(byTime(interruptionsOf(m, segments).agent_interrupts_user)).toEqual([{ at_ms: 14, overlap_ms: 1001 }]);
  });
});
