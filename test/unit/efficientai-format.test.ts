import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeEfficientAi } from '../../src/core/formats/efficientai';
import { ApiError } from '../../src/core/api/errors';

const corpusDir = join(__dirname, '../../../shared/corpus/dev/efficientai');
const corpusFiles = readdirSync(corpusDir).filter((f) => f.endsWith('.json') && !f.includes('.expected') && !f.includes('.headers'));

function sameInstant(actual: string | null, expected: string | null) {
  if (expected === null) return expect(actual).toBeNull();
  return expect(Date.parse(actual ?? '')).toBe(Date.parse(expected));
}

describe('EfficientAI flat ingest body against the corpus', () => {
  it('has corpus files to check', () => {
    expect(corpusFiles.length).toBeGreaterThanOrEqual(3);
  });

  it.each(corpusFiles)('%s yields the expected facts', (file) => {
    const payload = JSON.parse(readFileSync(join(corpusDir, file), 'utf8'));
    const expected = JSON.parse(readFileSync(join(corpusDir, file.replace('.json', '.expected.json')), 'utf8'));
    const { call, turns } = normalizeEfficientAi(payload);
    expect(call.provider).toBe(expected.provider);
    expect(call.source_format).toBe(expected.source_format);
    expect(call.external_id).toBe(expected.external_call_id);
    expect(call.agent_id).toBe(expected.agent_id);
    sameInstant(call.started_at, expected.started_at);
    sameInstant(call.ended_at, expected.ended_at);
    if (expected.duration_seconds === null) expect(call.duration_s).toBeNull();
    else expect(Math.abs((call.duration_s ?? -1) - expected.duration_seconds)).toBeLessThan(1);
    expect(call.from_number).toBe(expected.from_number);
    expect(call.to_number).toBe(expected.to_number);
    expect(call.end_reason).toBe(expected.end_reason);
    expect(call.recording_url).toBe(expected.recording_url);
    expect(call.platform).toBe(expected.provider_platform ?? 'external');
    expect(turns.map((t) => t.role)).toEqual(expected.role_sequence);
    expect(turns.find((t) => t.role === 'agent')?.text).toBe(expected.first_agent_text);
    const latencies = turns.flatMap((turn, i) => {
      const previous = turns.slice(0, i).reverse().find((t) => t.role !== 'tool');
      if (turn.role !== 'agent' || previous?.role !== 'user' || turn.start_ms === null || previous.end_ms === null) return [];
      const gap = turn.start_ms - previous.end_ms;
      return gap > 0 ? [gap] : [];
    });
    latencies.forEach((value, i) => expect(Math.abs(value - expected.agent_response_latencies_ms[i])).toBeLessThanOrEqual(1));
    expect(latencies).toHaveLength(expected.agent_response_latencies_ms.length);
  });
});

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
