import { describe, expect, it } from 'vitest';
import { deepgramFormat, deepgramToTurns, normalizeDeepgram } from '../../../src/core/formats/deepgram';
import { describeCorpusFormat } from '../../support/format-suite';
import { problemPaths } from '../../support/refusal';


const word = (text: string, start: number, end: number, more: Record<string, unknown> = {}) => ({
  word: text.toLowerCase().replace(/[^a-z]/g, ''),
  start,
  end,
  confidence: 0.9,
  punctuated_word: text,
  ...more,
});
const utterance = (channel: number, transcript: string, start: number, end: number, words: unknown[] = []) => ({
  start,
  end,
  confidence: 0.9,
  channel,
  transcript,
  words,
  id: `u-${start}`,
});
const channel = (words: unknown[], paragraphs?: unknown[]) => ({
  alternatives: [{ transcript: '', confidence: 0.9, words, ...(paragraphs ? { paragraphs: { transcript: '', paragraphs } } : {}) }],
});
const responseWith = (results: Record<string, unknown>, metadata: Record<string, unknown> = {}) => ({
  metadata: { transaction_key: 'deprecated', request_id: 'req-1', created: '2026-06-01T10:00:00.000Z', duration: 12.5, channels: 2, ...metadata },
  results,
});

describeCorpusFormat('Deepgram', 'deepgram', deepgramFormat, 2);

describe('Deepgram turns', () => {
  const results = {
    channels: [channel([]), channel([])],
    utterances: [
      utterance(1, 'Hello?', 0.5, 1.2, [word('Hello?', 0.5, 1.2)]),
      utterance(0, 'Hi there.', 1.5, 2.25, [word('Hi', 1.5, 1.7), { word: 'there', start: 1.8, end: 2.25, confidence: 0.9 }]),
    ],
  };

  it('takes seconds of audio to ms, with word timings and punctuated words when present', () => {
    const { turns } = normalizeDeepgram(responseWith(results));
    expect(turns.map((t) => [t.role, t.start_ms, t.end_ms])).toEqual([
      ['user', 500, 1200],
      ['agent', 1500, 2250],
    ]);
    expect(turns[1]?.words).toEqual([
      { text: 'Hi', start_ms: 1500, end_ms: 1700 },
      { text: 'there', start_ms: 1800, end_ms: 2250 },
    ]);
  });

  it('gives the agent role to channel 0 unless told which channel is the agent', () => {
    const context = { callStartMs: null, path: 'transcript_json' };
    expect(deepgramToTurns(results, context).map((t) => t.role)).toEqual(['user', 'agent']);
    expect(deepgramToTurns({ results }, { ...context, agentChannel: 1 }).map((t) => t.role)).toEqual(['agent', 'user']);
  });

  it('puts utterances in time order', () => {
    const { turns } = normalizeDeepgram(
      responseWith({ channels: [channel([]), channel([])], utterances: [utterance(0, 'B', 3, 4), utterance(1, 'A', 1, 2)] }),
    );
    expect(turns.map((t) => [t.idx, t.text])).toEqual([
      [0, 'A'],
      [1, 'B'],
    ]);
  });

  it('tells the parties of one-channel diarized audio apart by speaker', () => {
    const { turns } = normalizeDeepgram(
      responseWith(
        { channels: [channel([])], utterances: [{ ...utterance(0, 'Hi', 0, 1), speaker: 0 }, { ...utterance(0, 'Hey', 1.5, 2), speaker: 1 }] },
        { channels: 1 },
      ),
    );
    expect(turns.map((t) => t.role)).toEqual(['agent', 'user']);
  });

  it('falls back to paragraphs per channel without utterances', () => {
    const agentWords = [word('Hello.', 0, 0.5), word('Bye.', 5, 5.5)];
    const { turns } = normalizeDeepgram(
      responseWith({
        channels: [
          channel(agentWords, [
            { sentences: [{ text: 'Hello.', start: 0, end: 0.5 }], start: 0, end: 0.5 },
            { sentences: [{ text: 'Bye.', start: 5, end: 5.5 }], start: 5, end: 5.5 },
          ]),
          channel([word('Hi.', 1, 1.4)], [{ sentences: [{ text: 'Hi.', start: 1, end: 1.4 }], start: 1, end: 1.4 }]),
        ],
      }),
    );
    expect(turns.map((t) => [t.role, t.text, t.start_ms, t.end_ms, t.words?.length])).toEqual([
      ['agent', 'Hello.', 0, 500, 1],
      ['user', 'Hi.', 1000, 1400, 1],
      ['agent', 'Bye.', 5000, 5500, 1],
    ]);
  });

  it('falls back to runs of words across channels without utterances or paragraphs', () => {
    const { turns } = normalizeDeepgram(
      responseWith({
        channels: [channel([word('Good', 0, 0.3), word('morning.', 0.3, 0.8), word('Sure.', 3, 3.4)]), channel([word('Morning.', 1, 1.5)])],
      }),
    );
    expect(turns.map((t) => [t.role, t.text, t.start_ms, t.end_ms])).toEqual([
      ['agent', 'Good morning.', 0, 800],
      ['user', 'Morning.', 1000, 1500],
      ['agent', 'Sure.', 3000, 3400],
    ]);
  });
});

describe('Deepgram call facts', () => {
  it('uses the echoed call id, else the request id, else none', () => {
    const results = { channels: [channel([])], utterances: [] };
    expect(normalizeDeepgram(responseWith(results, { extra: { call_id: 42 } })).call.external_id).toBe('42');
    expect(normalizeDeepgram(responseWith(results)).call.external_id).toBe('req-1');
    expect(normalizeDeepgram(responseWith(results, { request_id: undefined })).call.external_id).toBeNull();
  });

  it('has no wall-clock start, takes the audio duration, and assumes the agent on channel 0', () => {
    const { call } = normalizeDeepgram(responseWith({ channels: [channel([])] }));
    expect(call).toMatchObject({ started_at: null, ended_at: null, duration_s: 12.5, agent_channel: 0 });
    expect(call.source_format).toBe('deepgram.listen.v1.prerecorded(multichannel)');
  });

  it('keeps echoed extra keys as metadata but never the callback secret', () => {
    const { call } = normalizeDeepgram(responseWith({ channels: [channel([])] }, { extra: { call_id: 'c-9', callback_secret: 's3cret', team: 'blue' } }));
    expect(call.metadata).toEqual({ call_id: 'c-9', team: 'blue' });
    expect(JSON.stringify(call)).not.toContain('s3cret');
    expect(call.extra).toMatchObject({ metadata: { request_id: 'req-1', created: '2026-06-01T10:00:00.000Z' } });
  });
});

describe('Deepgram bad input', () => {
  it('names every field of the wrong type', () => {
    const paths = problemPaths(() =>
      normalizeDeepgram(
        responseWith(
          { channels: [channel([{ word: 'hi', start: '0', end: 1 }])], utterances: [{ ...utterance(0, 'hi', 0, 1), end: null }] },
          { request_id: 7, duration: '12' },
        ),
      ),
    );
    expect(paths.sort()).toEqual(
      ['metadata.request_id', 'metadata.duration', 'results.channels.0.alternatives.0.words.0.start', 'results.utterances.0.end'].sort(),
    );
  });

  it('refuses a body without results channels, naming the field', () => {
    expect(problemPaths(() => normalizeDeepgram({ metadata: { request_id: 'r' }, results: {} }))).toEqual(['results.channels']);
  });

  it('prefixes the error paths of bare results', () => {
    expect(problemPaths(() => deepgramToTurns({ results: { channels: 'none' } }, { callStartMs: null, path: 'transcript_json' }))).toEqual([
      'transcript_json.results.channels',
    ]);
  });
});
