import { z } from 'zod';
import { fieldProblems, invalidFields } from '../api/errors';
import type { Turn } from '../model/call';
import { turnRole } from '../model/roles';
import { isRecord } from './types';
import { cekuraTranscriptToTurns } from './cekura-transcript';
import { vapiMessagesToTurns } from './vapi-transcript';
import { retellTranscriptToTurns } from './retell-transcript';
import { elevenLabsTranscriptToTurns } from './elevenlabs-transcript';
import { blandTranscriptToTurns } from './bland-transcript';
import { deepgramToTurns } from './deepgram-transcript';
import { livekitChatToTurns } from './livekit-chat';
import { pipecatMessagesToTurns } from './pipecat-messages';

/**
 * Cekura's transcript types (seed 003 `transcript_type`): how a transcript of each platform is read
 * into turns, whether it arrives inside an observe body or on its own as a bare JSON array.
 */
export interface TranscriptContext {
  /** epoch ms of the call start, when known. */
  callStartMs: number | null;
  /** where the transcript sits in the payload, for error paths ('' at the top). */
  path: string;
}
export type TranscriptParser = (transcript: unknown, context: TranscriptContext) => Turn[];

/**
 * Cekura documents its LiveKit type as `[{role, content, timestamp}]` with `timestamp` in seconds
 * from the call start, not LiveKit's own chat items (`{type: "message", ...}`); both are read.
 */
const cekuraLivekitRow = z.looseObject({
  role: z.string().min(1),
  content: z.union([z.string(), z.array(z.unknown())]).nullish(),
  timestamp: z.number().finite().nonnegative().nullish(),
});

function isCekuraLivekitShape(transcript: unknown): transcript is unknown[] {
  return Array.isArray(transcript) && transcript.length > 0 && transcript.every((row) => isRecord(row) && !('type' in row) && typeof row.role === 'string');
}

function cekuraLivekitTurns(transcript: unknown[], context: TranscriptContext): Turn[] {
  const parsed = z.array(cekuraLivekitRow).safeParse(transcript);
  if (!parsed.success) {
    throw invalidFields('LiveKit transcript is invalid at', fieldProblems(parsed.error.issues, context.path));
  }
  const turns: Turn[] = [];
  for (const row of parsed.data) {
    const role = turnRole(row.role);
    if (role === null) continue;
    const text = typeof row.content === 'string' ? row.content : (row.content ?? []).filter((part): part is string => typeof part === 'string').join('\n');
    const start = row.timestamp == null ? null : Math.round(row.timestamp * 1000);
    turns.push({ idx: turns.length, ...role, text, start_ms: start, end_ms: null, words: null, tool: null, interrupted: null, agent_name: null });
  }
  return turns;
}

/** A bare list of Deepgram utterances is read as `results` holding them. */
function deepgramTurns(transcript: unknown, context: TranscriptContext & { agentChannel?: number | null }): Turn[] {
  if (!Array.isArray(transcript)) return deepgramToTurns(transcript, context);
  const channels = new Set(transcript.map((u) => (isRecord(u) && typeof u.channel === 'number' ? u.channel : 0)));
  const results = { channels: Array.from({ length: Math.max(1, channels.size) }, () => ({ alternatives: [] })), utterances: transcript };
  return deepgramToTurns(results, context);
}

export const transcriptParsers = {
  cekura: cekuraTranscriptToTurns,
  vocera: cekuraTranscriptToTurns,
  vapi: vapiMessagesToTurns,
  retell: retellTranscriptToTurns,
  elevenlabs: elevenLabsTranscriptToTurns,
  bland: blandTranscriptToTurns,
  deepgram: deepgramTurns,
  livekit: (transcript, context) => (isCekuraLivekitShape(transcript) ? cekuraLivekitTurns(transcript, context) : livekitChatToTurns(transcript, context)),
  pipecat: pipecatMessagesToTurns,
} satisfies Record<string, TranscriptParser>;

export type TranscriptType = keyof typeof transcriptParsers;

const cekuraRoles = new Set(['main agent', 'testing agent', 'function call', 'function call result']);
const retellOnlyRoles = new Set(['tool_call_invocation', 'transfer_target', 'node_transition', 'dtmf', 'sms', 'injected']);
const vapiOnlyRoles = new Set(['bot', 'tool_calls', 'tool_call_result', 'function_call', 'function_result']);
const livekitItemTypes = new Set(['message', 'function_call', 'function_call_output', 'agent_handoff', 'agent_config_update']);
const blandSpeakers = new Set(['assistant', 'user', 'robot', 'agent-action']);

/**
 * Which platform's transcript a bare JSON array is, from the shape of its rows (each platform has
 * keys or role names no other uses); null when it is no transcript (e.g. an array of calls).
 */
export function detectTranscriptType(list: unknown): TranscriptType | null {
  if (!Array.isArray(list) || list.length === 0 || !list.every(isRecord)) return null;
  const rows = list.filter(isRecord);
  const roles = rows.flatMap((row) => (typeof row.role === 'string' ? [row.role.trim().toLowerCase()] : []));
  const some = (key: string) => rows.some((row) => key in row);
  const every = (test: (row: Record<string, unknown>) => boolean) => rows.every(test);

  if (every((row) => typeof row.transcript === 'string' && typeof row.start === 'number' && typeof row.end === 'number')) return 'deepgram';
  if (every((row) => typeof row.user === 'string' && blandSpeakers.has(row.user) && typeof row.text === 'string')) return 'bland';
  if (roles.length !== rows.length) {
    return every((row) => typeof row.type === 'string' && livekitItemTypes.has(row.type)) ? 'livekit' : null;
  }
  if (roles.some((role) => cekuraRoles.has(role))) return 'cekura';
  if (some('time_in_call_secs')) return 'elevenlabs';
  if (some('secondsFromStart') || (roles.some((role) => vapiOnlyRoles.has(role)) && some('message') && !some('content'))) return 'vapi';
  if (roles.some((role) => retellOnlyRoles.has(role)) || rows.some((row) => Array.isArray(row.words))) return 'retell';
  if (every((row) => typeof row.type === 'string' && livekitItemTypes.has(row.type))) return 'livekit';
  if (every((row) => !('start_time' in row)) && rows.some((row) => typeof row.timestamp === 'number')) return 'livekit';
  if (roles.includes('agent') && some('content')) return 'retell';
  if (roles.every((role) => ['user', 'assistant', 'system', 'developer', 'tool', 'tool_call', 'tool_call_result'].includes(role))) return 'pipecat';
  return null;
}
