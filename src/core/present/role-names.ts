import type { Turn } from '../model/call';

/** How the seed shapes name each role; a turn of an unknown speaker keeps the payload's own name. */
const openAiNames = { agent: 'assistant', user: 'user', tool: 'tool' } as const;
const cekuraNames = { agent: 'Main Agent', user: 'Testing Agent', tool: 'Function Call' } as const;

const rawName = (turn: Turn) => turn.raw_role ?? 'other';

/** Seeds 001 and 002: OpenAI's names (`assistant`, `user`, `tool`). */
export function openAiRoleName(turn: Turn): string {
  return turn.role === 'other' ? rawName(turn) : openAiNames[turn.role];
}

/** Seed 003: Cekura's names (`Main Agent`, `Testing Agent`, `Function Call`). */
export function cekuraRoleName(turn: Turn): string {
  return turn.role === 'other' ? rawName(turn) : cekuraNames[turn.role];
}

/** Plain transcript lines: `Agent: ...`, `User: ...`, or the unknown speaker's own name. */
export function speakerLabel(turn: Turn): string {
  if (turn.role === 'other') return rawName(turn);
  return turn.role === 'agent' ? 'Agent' : turn.role === 'user' ? 'User' : 'Tool';
}
