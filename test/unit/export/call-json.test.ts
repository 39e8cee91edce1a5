import { describe, expect, it } from 'vitest';
import { emptyCallFacts, type StoredCall, type Turn } from '../../../src/core/model/call';
import { detectCallPii } from '../../../src/core/pii/call-findings';
import { redactedCallDocument } from '../../../src/main/export/call-json';
import { stringRedactor } from '../../../src/main/export/redact-values';
import { redactedTranscriptText } from '../../../src/main/export/transcript-text';

const call: StoredCall = {
  ...emptyCallFacts('vapi', 'vapi'),
  id: 7, uuid: '0b7c6d2e-0000-4000-8000-000000000007', short_id: 'c7', external_id: 'ext-7', recording_path: '/home/someone/calls/ext-7.wav',
  verdict: null, reviewed_at: null, turn_count: 3, created_at: '2026-03-04T10:00:00.000Z', updated_at: '2026-03-04T10:00:00.000Z',
  latency_p50_ms: null, latency_p90_ms: null, ttfw_ms: null, interruption_count: null, longest_silence_ms: null, metrics_source: null, agent_snr_db: null, caller_snr_db: null, clipping_share: null, dead_air_ms: null,
  started_at: '2026-03-04T09:58:00.000Z',
  customer_number: '+1 415 555 1212',
  metadata: { note: 'card on file 4111 1111 1111 1111', count: 3 },
};

const turn = (idx: number, role: Turn['role'], text: string, extra: Partial<Turn> = {}): Turn => ({ idx, role, text, start_ms: idx * 5000, end_ms: idx * 5000 + 4000, words: null, tool: null, interrupted: null, agent_name: null, ...extra });
const turns: Turn[] = [
  turn(0, 'user', 'My card is 4111 1111 1111 1111 thanks', {
    words: ['My', 'card', 'is', '4111', '1111', '1111', '1111', 'thanks'].map((text, i) => ({ text, start_ms: i * 400, end_ms: i * 400 + 350 })),
  }),
  turn(1, 'tool', 'lookup 4111 1111 1111 1111', { tool: { name: 'lookup', arguments: { card: '4111 1111 1111 1111' }, result: { ok: true } } }),
  turn(2, 'agent', 'Thanks, found it.', { start_ms: null, end_ms: null }),
];

describe('the redacted call document', () => {
  const pii = detectCallPii(turns);
  const redact = stringRedactor(null, pii.findings.map((f) => f.text));
  const document = redactedCallDocument(call, turns, pii, [], redact);
  const text = JSON.stringify(document);

  it('covers the PII in turns, words, tool calls and call facts, and keeps ids and times', () => {
    expect(text).not.toContain('4111');
    expect(text).not.toContain('555 1212');
    expect(text).not.toContain('/home/someone');
    expect(document).toMatchObject({
      call: { uuid: call.uuid, short_id: 'c7', started_at: '2026-03-04T09:58:00.000Z', metadata: { count: 3 } },
      turns: [{ text: 'My card is <CREDIT_CARD> thanks' }, { tool: { name: 'lookup', result: { ok: true } } }, { text: 'Thanks, found it.' }],
      findings: [{ type: 'credit_card', turn: 0 }],
    });
    const words = document.turns[0]?.words?.map((w) => w.text);
    expect(words).toEqual(['My', 'card', 'is', '<CREDIT_CARD>', '<CREDIT_CARD>', '<CREDIT_CARD>', '<CREDIT_CARD>', 'thanks']);
  });

  it('and the transcript text: [mm:ss] ROLE: text, redacted, [--:--] without a time', () => {
    const lines = redactedTranscriptText(turns, new Map(pii.redacted_turns.map((t) => [t.idx, t.text])), redact).split('\n');
    expect(lines[0]).toBe('[00:00] USER: My card is <CREDIT_CARD> thanks');
    expect(lines[1]).toMatch(/^\[00:05\] TOOL: lookup <(CREDIT_CARD|REDACTED)>$/);
    expect(lines[2]).toBe('[--:--] AGENT: Thanks, found it.');
  });
});
