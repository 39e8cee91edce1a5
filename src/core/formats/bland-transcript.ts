import { z } from 'zod';
import { fieldProblems, invalidFields } from '../api/errors';
import type { Turn } from '../model/call';
import { turnRole } from '../model/roles';
import { instantMs, toIsoInstant } from '../model/time';
import { isRecord } from './types';

/**
 * Bland `transcripts[]` (FORMATS.md §4): `{id, created_at (ISO wall clock), text, user, c_id}`, one
 * timestamp per line and no end. `user` is `user`, `assistant`/`robot`/`agent` (the agent) or
 * `agent-action` (a tool the agent used, one tool turn each).
 */

const isoInstant = z.string().refine((value) => toIsoInstant(value) !== null, { message: 'not an ISO-8601 instant' });

const line = z.looseObject({
  created_at: isoInstant.nullish(),
  text: z.string().nullish(),
  // an unknown speaker is kept as said (role `other`), never a reason to refuse the call
  user: z.string(),
});

export const blandTranscript = z.array(line);
export type BlandLine = z.infer<typeof line>;

/** The native transcript (or a whole call object holding one) as turns; `path` prefixes error paths. */
export function blandTranscriptToTurns(transcript: unknown, context: { callStartMs: number | null; path: string }): Turn[] {
  const holdsList = isRecord(transcript) && Array.isArray(transcript.transcripts);
  const list = holdsList ? transcript.transcripts : transcript;
  const path = holdsList ? `${context.path}.transcripts` : context.path;
  const parsed = blandTranscript.safeParse(list);
  if (!parsed.success) {
    throw invalidFields('Bland transcript is invalid at', fieldProblems(parsed.error.issues, path));
  }
  return turnsFromBlandLines(parsed.data, context.callStartMs);
}

/**
 * Turn start = `created_at` - call start. Without a call start the first line is time zero,
 * so the turns still keep their spacing.
 */
export function turnsFromBlandLines(lines: readonly BlandLine[], callStartMs: number | null): Turn[] {
  const stamps = lines.map((l) => instantMs(l.created_at ? toIsoInstant(l.created_at) : null));
  const base = callStartMs ?? stamps.find((ms): ms is number => ms !== null) ?? null;
  const turns: Turn[] = [];
  lines.forEach((item, i) => {
    const role = turnRole(item.user);
    if (role === null) return;
    const stamp = stamps[i] ?? null;
    const text = item.text ?? '';
    turns.push({
      idx: turns.length,
      ...role,
      // agent-action text is kept as the tool turn's text: its wording is not documented.
      text,
      start_ms: stamp === null || base === null ? null : Math.round(stamp - base),
      end_ms: null,
      words: null,
      tool: role.role === 'tool' ? agentAction(text) : null,
      interrupted: null,
      agent_name: null,
    });
  });
  return turns;
}

/**
 * `agent-action` rows read `Tool call: <name> <json arguments>` in the observed shape; any other
 * wording is kept whole as the turn text under the generic name `agent-action`.
 */
function agentAction(text: string): { name: string; arguments: unknown; result: unknown } {
  const match = /^\s*tool call:\s*([^\s{]+)\s*([\s\S]*)$/i.exec(text);
  if (!match?.[1]) return { name: 'agent-action', arguments: null, result: null };
  return { name: match[1], arguments: parseArguments(match[2]?.trim() ?? ''), result: null };
}

function parseArguments(value: string): unknown {
  if (value === '') return null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
