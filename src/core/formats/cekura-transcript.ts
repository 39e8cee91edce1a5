import { z } from 'zod';
import { fieldProblems, invalidFields } from '../api/errors';
import type { Turn } from '../model/call';
import { decodeJsonText } from './json-text';
import { timeSeconds } from './time-fields';

/**
 * Cekura's own transcript format (`transcript_type: cekura`, also `vocera`):
 * `[{role: "Main Agent" | "Testing Agent", content, start_time, end_time}]` in seconds from call
 * start; tool rows `{role: "Function Call", data{id, name, arguments}}` and
 * `{role: "Function Call Result", data{id, name, result}}`, the result merged into its call.
 */
const row = z.looseObject({
  role: z.string(),
  content: z.string().nullish(),
  start_time: timeSeconds.nullish(),
  end_time: timeSeconds.nullish(),
  data: z.looseObject({ id: z.string().nullish(), name: z.string().nullish(), arguments: z.unknown().optional(), result: z.unknown().optional() }).nullish(),
});

const roleOf: Record<string, Exclude<Turn['role'], 'other'> | 'result'> = {
  'main agent': 'agent',
  'testing agent': 'user',
  'function call': 'tool',
  'function call result': 'result',
};

/** Own keys only: a row whose role is "__proto__" is an unknown role, not Object.prototype. */
function cekuraRole(name: string): Turn['role'] | 'result' | undefined {
  const key = name.trim().toLowerCase();
  return Object.hasOwn(roleOf, key) ? roleOf[key] : undefined;
}

const seconds = (value: number | null | undefined): number | null => (value == null ? null : Math.round(value * 1000));

export function cekuraTranscriptToTurns(transcript: unknown, context: { callStartMs: number | null; path: string }): Turn[] {
  const parsed = z.array(row).safeParse(transcript);
  if (!parsed.success) {
    throw invalidFields('Cekura transcript is invalid at', fieldProblems(parsed.error.issues, context.path));
  }
  const turns: Turn[] = [];
  const toolTurnById = new Map<string, Turn>();
  // a result without an id goes to the latest call of its tool (one lookup, not a scan per result)
  const latestToolTurnByName = new Map<string, Turn>();
  for (const entry of parsed.data) {
    const role = cekuraRole(entry.role);
    if (role === 'result') {
      const name = entry.data?.name;
      const target = (entry.data?.id && toolTurnById.get(entry.data.id)) || (name == null ? undefined : latestToolTurnByName.get(name));
      if (target?.tool) target.tool = { ...target.tool, result: decodeJsonText(entry.data?.result ?? entry.content) };
      continue;
    }
    // a role Cekura does not define is kept as said (role `other`), never a reason to refuse the call
    const turn: Turn = {
      idx: turns.length,
      role: role ?? 'other',
      ...(role ? {} : { raw_role: entry.role }),
      text: role === 'tool' ? '' : (entry.content ?? ''),
      start_ms: seconds(entry.start_time),
      end_ms: seconds(entry.end_time),
      words: null,
      tool: role === 'tool' ? { name: entry.data?.name ?? 'unknown', arguments: decodeJsonText(entry.data?.arguments), result: null } : null,
      interrupted: null,
      agent_name: null,
    };
    if (role === 'tool' && entry.data?.id) toolTurnById.set(entry.data.id, turn);
    if (turn.tool) latestToolTurnByName.set(turn.tool.name, turn);
    turns.push(turn);
  }
  return turns;
}
