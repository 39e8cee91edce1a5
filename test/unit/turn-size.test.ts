import { describe, expect, it } from 'vitest';
import type { Turn } from '../../src/core/model/call';
import { capTurn, cutToBytes, MAX_TURN_PART_BYTES } from '../../src/core/model/turn-size';

const turn = (more: Partial<Turn>): Turn => ({ idx: 0, role: 'agent', text: 'hi', start_ms: 0, end_ms: 500, words: null, tool: null, interrupted: null, agent_name: null, ...more });
const bytes = (text: string) => new TextEncoder().encode(text).length;

describe('a turn over 64 KiB is stored cut, and says so', () => {
  it('leaves a turn that fits as it is', () => {
    const small = turn({ text: 'x'.repeat(MAX_TURN_PART_BYTES) });
    expect(capTurn(small)).toBe(small);
  });

  it('cuts a long text to 64 KiB without splitting a character, keeping its size before', () => {
    const text = 'é€😀'.repeat(20_000); // 2 + 3 + 4 bytes, 180 000 bytes
    const cut = capTurn(turn({ text }));
    expect(bytes(cut.text)).toBeLessThanOrEqual(MAX_TURN_PART_BYTES);
    expect(bytes(cut.text)).toBeGreaterThan(MAX_TURN_PART_BYTES - 4);
    expect(text.startsWith(cut.text)).toBe(true);
    expect(cut.text).not.toContain('\uFFFD');
    expect(cut.original_bytes).toBe(180_000);
    expect(cut).toMatchObject({ role: 'agent', start_ms: 0, end_ms: 500 });
  });

  it('cuts a tool result and word timings that are too large', () => {
    const result = { rows: Array.from({ length: 20_000 }, (_, i) => ({ i, name: `row ${i}` })) };
    const tool = capTurn(turn({ role: 'tool', text: '', tool: { name: 'lookup', arguments: { q: 'a' }, result } }));
    expect(tool.tool).toMatchObject({ name: 'lookup', arguments: { q: 'a' } });
    expect(typeof tool.tool?.result).toBe('string');
    expect(bytes(String(tool.tool?.result))).toBeLessThanOrEqual(MAX_TURN_PART_BYTES / 2);
    expect(tool.original_bytes).toBeGreaterThan(JSON.stringify(result).length);
    const words = Array.from({ length: 5000 }, (_, i) => ({ text: `word${i}`, start_ms: i * 10, end_ms: i * 10 + 9 }));
    const cut = capTurn(turn({ text: words.map((w) => w.text).join(' '), words }));
    expect(JSON.stringify(cut.words).length).toBeLessThanOrEqual(MAX_TURN_PART_BYTES);
    expect(cut.words?.[0]).toEqual(words[0]);
    expect(cut.original_bytes).toBeGreaterThan(0);
  });

  it('cutToBytes keeps whole characters', () => {
    expect(cutToBytes('aé€', 3)).toBe('aé');
    expect(cutToBytes('aé€', 5)).toBe('aé');
    expect(cutToBytes('aé€', 6)).toBe('aé€');
  });
});
