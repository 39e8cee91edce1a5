import type { Role, Turn } from '../../../src/core/model/call';
import type { Speaker, SpeechSegment } from '../../../src/core/metrics/segments';

/** A transcript turn with only what the timing metrics read; idx is filled in by `turns`. */
export function turn(role: Role, start_ms: number | null, end_ms: number | null, text = ''): Omit<Turn, 'idx'> {
  return { role, text, start_ms, end_ms, words: null, tool: null, interrupted: null, agent_name: null };
}

export function turns(...list: Omit<Turn, 'idx'>[]): Turn[] {
  return list.map((t, idx) => ({ ...t, idx }));
}

export function seg(speaker: Speaker, start_ms: number, end_ms: number, text?: string): SpeechSegment {
  return text === undefined ? { speaker, start_ms, end_ms } : { speaker, start_ms, end_ms, text };
}
