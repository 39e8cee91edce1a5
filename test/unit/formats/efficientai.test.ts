import { describe, expect, it } from 'vitest';
import { efficientAiFormat, normalizeEfficientAi } from '../../../src/core/formats/efficientai';
import { ApiError } from '../../../src/core/api/errors';
import { describeCorpusFormat } from '../../support/format-suite';
import { segmentsFromTurns } from '../../../src/core/metrics/segments';

describeCorpusFormat('EfficientAI', 'efficientai', efficientAiFormat, 3);

describe('EfficientAI body rules', () => {
  it('never guesses a missing end time', () => {
    const { turns } = normalizeEfficientAi({
      id: 'x',
      startedAt: '2026-01-01T00:00:00.000Z',
      messages: [{ role: 'bot', content: 'hi', start_time: Date.parse('2026-01-01T00:00:01.250Z') }],
    });
    expect(turns[0]).toMatchObject({ start_ms: 1250, end_ms: null });
  });

  it('measures epoch times from the first utterance when the call start is missing', () => {
    const { call, turns } = normalizeEfficientAi({
      id: 'x',
      messages: [
        { role: 'user', content: 'hello?', start_time: 1760520149392, end_time: 1760520150000 },
        { role: 'assistant', content: 'hi', start_time: 1760520151000 },
      ],
    });
    expect(call.started_at).toBeNull();
    expect(turns.map((t) => t.start_ms)).toEqual([0, 1608]);
  });

  it('drops system prompts, which are not turns', () => {
    const { turns } = normalizeEfficientAi({
      id: 7,
      messages: [
        { role: 'system', content: 'You are Riley.' },
        { role: 'bot', content: 'Hi' },
      ],
    });
    expect(turns).toEqual([expect.objectContaining({ idx: 0, role: 'agent', text: 'Hi' })]);
  });

  it('refuses a body without an id, naming the field', () => {
    try {
      normalizeEfficientAi({ messages: [] });
      expect.unreachable('a body without id must be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).fields).toEqual([expect.objectContaining({ path: 'id' })]);
    }
  });
});

describe('EfficientAI unknown roles', () => {
  it('keeps a message of an unknown role as a turn with its own name, and the metrics ignore it', () => {
    const { turns } = normalizeEfficientAi({
      id: 'r1',
      messages: [
        { role: 'bot', content: 'Hello', start_time: 0, end_time: 1000 },
        { role: 'narrator', content: 'Later that day', start_time: 1200, end_time: 1500 },
        { role: 'user', content: 'Hi', start_time: 2000, end_time: 2500 },
      ],
    });
    expect(turns.map((t) => [t.role, t.raw_role])).toEqual([['agent', undefined], ['other', 'narrator'], ['user', undefined]]);
    expect(segmentsFromTurns(turns).map((s) => s.speaker)).toEqual(['agent', 'user']);
  });
});
