import { z } from 'zod';
import { fieldProblems, invalidFields, type ApiError, type FieldProblem } from '../api/errors';
import type { JsonObject, ToolInvocation, Turn } from '../model/call';
import { turnRole } from '../model/roles';
import { isRecord } from './types';
import { decodeJsonText } from './json-text';
import { minOf } from '../model/extremes';
import { timeSeconds } from './time-fields';

/**
 * LiveKit Agents chat history (`ChatContext.to_dict()`, FORMATS.md §5): `{items: [...]}` of
 * `message`, `function_call`, `function_call_output`, `agent_handoff`, `agent_config_update` items.
 * Turn times come from `metrics.started/stopped_speaking_at` (epoch seconds): `created_at` is when the
 * item was added (after the utterance), so it is only used for tool items, which have no metrics.
 */

const epochSeconds = timeSeconds;

const speakingMetrics = z.looseObject({
  started_speaking_at: epochSeconds.nullish(),
  stopped_speaking_at: epochSeconds.nullish(),
});

const messageItem = z.looseObject({
  type: z.literal('message'),
  id: z.string().nullish(),
  // developer, system, user, assistant; any other is kept as said (role `other`)
  role: z.string().min(1),
  // image/audio parts are objects; only the strings are spoken text
  content: z.union([z.string(), z.array(z.union([z.string(), z.looseObject({})]))]),
  interrupted: z.boolean().nullish(),
  transcript_confidence: z.number().nullish(),
  metrics: speakingMetrics.nullish(),
  created_at: epochSeconds.nullish(),
});

const functionCallItem = z.looseObject({
  type: z.literal('function_call'),
  call_id: z.string().min(1),
  name: z.string().min(1),
  arguments: z.string(),
  created_at: epochSeconds.nullish(),
});

const functionCallOutputItem = z.looseObject({
  type: z.literal('function_call_output'),
  call_id: z.string().min(1),
  name: z.string().nullish(),
  output: z.string(),
  is_error: z.boolean().nullish(),
  created_at: epochSeconds.nullish(),
});

const agentHandoffItem = z.looseObject({
  type: z.literal('agent_handoff'),
  old_agent_id: z.string().nullish(),
  new_agent_id: z.string().nullish(),
});

type MessageItem = z.infer<typeof messageItem>;
export type LivekitChatItem =
  | MessageItem
  | z.infer<typeof functionCallItem>
  | z.infer<typeof functionCallOutputItem>
  | z.infer<typeof agentHandoffItem>;

/** The item types that matter here; `agent_config_update` and newer types are not turns. */
const schemaByType = new Map<string, z.ZodType<LivekitChatItem>>([
  ['message', messageItem],
  ['function_call', functionCallItem],
  ['function_call_output', functionCallOutputItem],
  ['agent_handoff', agentHandoffItem],
]);

export interface LivekitChatContext {
  /** epoch ms of the call start; null = measure from the earliest `started_speaking_at`. */
  callStartMs: number | null;
  /** prefix of error field paths (`chat_history`, `transcript_json`, or '' for a bare export). */
  path: string;
}

/** One message's LiveKit metrics, kept for `provider_metrics` (keyed by the turn it belongs to). */
export interface LivekitTurnMetrics extends JsonObject {
  turn: number;
  item_id: string | null;
}

export interface LivekitChat {
  turns: Turn[];
  turnMetrics: LivekitTurnMetrics[];
}

function joinPath(prefix: string, rest: string): string {
  if (prefix === '') return rest;
  return rest === '$' || rest === '' ? prefix : `${prefix}.${rest}`;
}

/**
 * Validates a chat history: the `{items: [...]}` export or the bare items list.
 * Item types this module does not know (newer SDKs add some) are skipped, not refused.
 */
export function parseLivekitChat(transcript: unknown, path: string): { items: LivekitChatItem[] } | { problems: FieldProblem[] } {
  const listPath = isRecord(transcript) ? joinPath(path, 'items') : path;
  const list = isRecord(transcript) ? transcript.items : transcript;
  if (!Array.isArray(list)) {
    return { problems: [{ path: listPath || '$', message: 'expected a LiveKit chat history: {items: [...]} or a list of chat items' }] };
  }
  const items: LivekitChatItem[] = [];
  const problems: FieldProblem[] = [];
  list.forEach((raw, index) => {
    const itemPath = joinPath(listPath, String(index));
    if (!isRecord(raw) || typeof raw.type !== 'string') {
      problems.push({ path: joinPath(itemPath, 'type'), message: 'expected a chat item with a string "type"' });
      return;
    }
    const schema = schemaByType.get(raw.type);
    if (!schema) return;
    const parsed = schema.safeParse(raw);
    if (parsed.success) items.push(parsed.data);
    else problems.push(...fieldProblems(parsed.error.issues, itemPath));
  });
  return problems.length > 0 ? { problems } : { items };
}

/** The transcript function (Cekura `transcript_type: livekit` holds the same chat history). */
export function livekitChatToTurns(transcript: unknown, context: LivekitChatContext): Turn[] {
  return readLivekitChat(transcript, context).turns;
}

export function readLivekitChat(transcript: unknown, context: LivekitChatContext): LivekitChat {
  const parsed = parseLivekitChat(transcript, context.path);
  if ('problems' in parsed) throw chatError(parsed.problems);
  return livekitChatFromItems(parsed.items, context.callStartMs);
}

export function chatError(problems: FieldProblem[]): ApiError {
  return invalidFields('LiveKit chat history is invalid at', problems);
}

/** Turns from validated items (see `parseLivekitChat`). */
export function livekitChatFromItems(items: LivekitChatItem[], callStartMs: number | null): LivekitChat {
  const base = callStartMs ?? timeBase(items);
  const at = (seconds: number | null | undefined): number | null =>
    seconds == null || base === null ? null : Math.round(seconds * 1000 - base);

  const turns: Turn[] = [];
  const turnMetrics: LivekitTurnMetrics[] = [];
  const toolTurnByCallId = new Map<string, { turn: Turn; tool: ToolInvocation }>();
  // agent_handoff items name the agent that speaks from then on
  let agentName: string | null = null;

  const push = (turn: Omit<Turn, 'idx'>): Turn => {
    const full: Turn = { idx: turns.length, ...turn };
    turns.push(full);
    return full;
  };

  for (const item of items) {
    if (item.type === 'message') {
      const role = turnRole(item.role);
      if (role === null) continue;
      const turn = push({
        ...role,
        text: messageText(item.content),
        start_ms: at(item.metrics?.started_speaking_at),
        end_ms: at(item.metrics?.stopped_speaking_at),
        words: null,
        tool: null,
        interrupted: item.interrupted ?? null,
        agent_name: role.role === 'agent' ? agentName : null,
      });
      const metrics = messageMetrics(item);
      if (metrics) turnMetrics.push({ turn: turn.idx, item_id: item.id ?? null, ...metrics });
    } else if (item.type === 'function_call') {
      const tool: ToolInvocation = { name: item.name, arguments: decodeJsonText(item.arguments), result: null };
      const turn = push(toolTurn(tool, at(item.created_at), agentName));
      toolTurnByCallId.set(item.call_id, { turn, tool });
    } else if (item.type === 'function_call_output') {
      const match = toolTurnByCallId.get(item.call_id);
      if (match) {
        match.tool.result = item.output;
        // the output is added when the tool returns: the only end time a tool item has
        match.turn.end_ms = at(item.created_at);
      } else {
        // a result whose call was trimmed from the history still proves an invocation
        const tool: ToolInvocation = { name: item.name || 'unknown', arguments: null, result: item.output };
        push({ ...toolTurn(tool, null, agentName), end_ms: at(item.created_at) });
      }
    } else {
      agentName = item.new_agent_id ?? agentName;
    }
  }
  return { turns, turnMetrics };
}

function toolTurn(tool: ToolInvocation, startMs: number | null, agentName: string | null): Omit<Turn, 'idx'> {
  return { role: 'tool', text: '', start_ms: startMs, end_ms: null, words: null, tool, interrupted: null, agent_name: agentName };
}

/** Earliest speaking time (epoch ms); tool timestamps only when no message has metrics. */
function timeBase(items: LivekitChatItem[]): number | null {
  const speaking = items.flatMap((item) =>
    item.type === 'message' && typeof item.metrics?.started_speaking_at === 'number' ? [item.metrics.started_speaking_at] : [],
  );
  const tools = items.flatMap((item) =>
    (item.type === 'function_call' || item.type === 'function_call_output') && typeof item.created_at === 'number' ? [item.created_at] : [],
  );
  const candidates = speaking.length > 0 ? speaking : tools;
  const earliest = minOf(candidates);
  return earliest === null ? null : earliest * 1000;
}

/** LiveKit's own `text_content`: the string parts joined by newlines. */
function messageText(content: MessageItem['content']): string {
  if (typeof content === 'string') return content;
  return content.filter((part): part is string => typeof part === 'string').join('\n');
}

function messageMetrics(item: MessageItem): JsonObject | null {
  const metrics: JsonObject = { ...(item.metrics ?? {}) };
  if (item.transcript_confidence != null) metrics.transcript_confidence = item.transcript_confidence;
  return Object.keys(metrics).length > 0 ? { role: item.role, ...metrics } : null;
}

