import type { Turn } from '../model/call';
import { detectPiiInReply } from './detect';
import type { Finding, PiiType } from './types';
import { redactText } from './redact';
import { spanTime } from './times';

/** How many turns of one speaker in a row still answer the other's question. */
const MAX_SPLIT_REPLY = 2;
/** Consecutive turns of the asker are read together, up to this much. */
const MAX_QUESTION_CHARS = 240;

/** One finding in a call: where in which turn, the text, when it was spoken, and how sure. */
export interface CallFinding {
  type: PiiType;
  turn: number;
  start: number;
  end: number;
  text: string;
  start_ms: number | null;
  end_ms: number | null;
  score: number;
}

export interface CallPii {
  findings: CallFinding[];
  redacted_turns: { idx: number; text: string }[];
}

/** Every finding in the spoken turns (optionally only some types), and the turns redacted. */
export function detectCallPii(turns: readonly Turn[], types?: readonly PiiType[]): CallPii {
  const wanted = types && types.length > 0 ? new Set(types) : null;
  const findings: CallFinding[] = [];
  const redacted: { idx: number; text: string }[] = [];
  // The other speaker's last words are a turn's context: the question it answers. A speaker's own
  // previous turn is no question to it; but the asker's turns are read as one ("What is your date
  // of birth?" / "Take your time."), and a reply split in two ("One second." / "March 4th, 1987.")
  // still answers the question before it.
  let asked: { text: string } | null = null;
  let run: { role: Turn['role']; text: string; turns: number } | null = null;
  for (const turn of turns) {
    if (turn.role === 'tool') continue;
    if (!run || run.role !== turn.role) {
      asked = run;
      run = { role: turn.role, text: '', turns: 0 };
    }
    const context = asked && run.turns < MAX_SPLIT_REPLY ? asked.text : null;
    const found: Finding[] = detectPiiInReply(turn.text, context, wanted);
    run.text = `${run.text} ${turn.text}`.trim().slice(-MAX_QUESTION_CHARS);
    run.turns++;
    for (const f of found) {
      const time = spanTime(turn, f.start, f.end);
      findings.push({ type: f.type, turn: turn.idx, start: f.start, end: f.end, text: f.text, start_ms: time?.start_ms ?? null, end_ms: time?.end_ms ?? null, score: f.score });
    }
    redacted.push({ idx: turn.idx, text: found.length > 0 ? redactText(turn.text, found) : turn.text });
  }
  return { findings, redacted_turns: redacted };
}
