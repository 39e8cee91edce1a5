import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OVERLAP_CLASSES, overlapVerdicts, type OverlapVerdict } from '../../src/core/metrics/overlap-verdicts';
import { analyseRecording } from '../../src/main/audio/analyse';
import { loadSpeechModel, type SpeechModel } from '../../src/main/audio/speech-model';
import { generateCall, type GeneratedCall } from '../support/audio-generate';
import { overlapClassesCall, type OverlapTruth } from '../support/audio-generate/overlap-classes';
import { emptyOverlapTally, overlapFigures, tallyOverlaps } from '../support/audio-generate/overlap-score';

/*
 * Overlap classes (issue 16) on a generated call whose overlaps are built to be a barge-in, a
 * backchannel, an agent talking over the caller or a false cut-off: the classifier, on the
 * transcript's turns and on the clean recording analysed by the default (combined) path, must
 * find each one as built, and the agent's yield within 60 ms.
 */

let dir = '';
let model: SpeechModel;
let call: GeneratedCall;
let truth: OverlapTruth[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'callscope-overlap-classes-'));
  const loaded = await loadSpeechModel();
  if (!loaded.model) throw new Error(loaded.error);
  model = loaded.model;
  const built = overlapClassesCall(1);
  truth = built.truth;
  call = await generateCall(built.script, dir);
}, 60_000);

afterAll(async () => {
  await model?.release();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Each true overlap with the detected one nearest to its onset (within 300 ms), or undefined. */
function nearest(detected: readonly OverlapVerdict[]): { truth: OverlapTruth; found: OverlapVerdict | undefined }[] {
  return truth.map((t) => {
    const found = detected.filter((d) => Math.abs(d.at_ms - t.at_ms) <= 300).sort((a, b) => Math.abs(a.at_ms - t.at_ms) - Math.abs(b.at_ms - t.at_ms))[0];
    return { truth: t, found };
  });
}

function expectAsBuilt(detected: readonly OverlapVerdict[], yieldToleranceMs: number): void {
  const described = nearest(detected).map(({ truth: t, found }) => ({
    at: Math.round(t.at_ms),
    built: t.class,
    found: found?.class ?? 'nothing',
    yieldOff: t.yield_ms === null ? null : found?.yield_ms == null ? 'none' : Math.abs(found.yield_ms - t.yield_ms) <= yieldToleranceMs,
  }));
  expect(described).toEqual(described.map((d) => ({ ...d, found: d.built, yieldOff: d.yieldOff === null ? null : true })));
  // and nothing else: every detected overlap is one of those built
  expect(detected).toHaveLength(truth.length);
}

describe('overlap classes on a call built to them', () => {
  it('holds four of each class, each yield well clear of the thresholds', () => {
    for (const c of OVERLAP_CLASSES) expect(truth.filter((t) => t.class === c)).toHaveLength(4);
    for (const t of truth) expect(t.yield_ms === null).toBe(t.class !== 'barge_in' && t.class !== 'false_cut_off');
  });

  it('reads as built from the transcript, to the millisecond', () => {
    const segments = call.transcript.map((t) => ({ speaker: t.role, start_ms: t.start_ms, end_ms: t.end_ms, text: t.text }));
    const detected = overlapVerdicts(segments);
    expectAsBuilt(detected, 1);
  });

  it('reads as built from the clean recording, analysed by the combined path, with yields within 60 ms', async () => {
    const analysis = await analyseRecording(call.wavPath, { agentChannel: null, agentTurns: call.transcript.filter((t) => t.role === 'agent'), peaksPerSecond: 100, speechModel: model });
    expect(analysis.vad).toBe('silero+energy');
    const speech = analysis.segments.flatMap((s) => (s.speaker ? [{ speaker: s.speaker, start_ms: s.start_ms, end_ms: s.end_ms }] : []));
    const detected = overlapVerdicts(speech);
    expectAsBuilt(detected, 60);
    const tally = emptyOverlapTally();
    tallyOverlaps(tally, truth, detected);
    const figures = overlapFigures(tally);
    expect(figures.accuracy).toBe(1);
    expect(figures.yields).toBe(8);
  });

  it('scores a misread overlap as one: a backchannel read as a barge-in costs both classes', () => {
    const tally = emptyOverlapTally();
    const backchannel = truth.find((t) => t.class === 'backchannel');
    if (!backchannel) throw new Error('no backchannel built');
    const misread: OverlapVerdict = { at_ms: backchannel.at_ms + 40, class: 'barge_in', yield_ms: 100, speaker: 'user', overlap_ms: 300, evidence: '' };
    tallyOverlaps(tally, [backchannel], [misread, { ...misread, at_ms: backchannel.at_ms + 5000 }]);
    const figures = overlapFigures(tally);
    expect(tally.confusion.backchannel.barge_in).toBe(1);
    expect(figures.accuracy).toBe(0);
    expect(figures.recall.backchannel).toBe(0);
    expect(figures.precision.barge_in).toBe(0);
    expect(figures.spurious).toBe(1);
  });
});
