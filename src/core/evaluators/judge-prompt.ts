import { z } from 'zod';
import type { Turn } from '../model/call';
import type { EvaluatorOutput } from './definition';
import { passedUnder, type Verdict } from './verdict';

/**
 * The LLM judge's prompt and its structured answer (DESIGN §8). The transcript is numbered by turn
 * index so the judge can cite evidence the UI links back to the waveform.
 */

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

const clock = (ms: number | null) => {
  if (ms === null) return '--:--';
  const s = Math.floor(ms / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

const ROLE_NAMES: Record<Exclude<Turn['role'], 'other'>, string> = { agent: 'AGENT', user: 'CALLER', tool: 'TOOL' };
/** A turn of an unknown speaker is named as the payload names it. */
const roleName = (turn: Turn) => (turn.role === 'other' ? (turn.raw_role ?? 'other').toUpperCase() : ROLE_NAMES[turn.role]);

/** `[3] 00:12 AGENT: text`; tool turns show their call and result. */
export function transcriptForJudge(turns: readonly Turn[]): string {
  return turns
    .map((turn) => {
      const tool = turn.tool ? ` ${turn.tool.name}(${JSON.stringify(turn.tool.arguments)}) -> ${JSON.stringify(turn.tool.result)}` : '';
      // one line per turn, so a newline inside a turn cannot pass for another numbered turn
      return `[${turn.idx}] ${clock(turn.start_ms)} ${roleName(turn)}:${tool} ${turn.text.replace(/\s*\n\s*/g, ' ')}`.trimEnd();
    })
    .join('\n');
}

function answerInstructions(output: EvaluatorOutput): string {
  switch (output.type) {
    case 'pass_fail':
      return '"verdict": "pass" or "fail"';
    case 'score':
      return '"score": an integer from 1 (worst) to 5 (best)';
    case 'labels':
      return `"verdict": exactly one of ${output.labels.map((l) => JSON.stringify(l)).join(', ')}`;
  }
}

export function judgeMessages(rubric: string, output: EvaluatorOutput, turns: readonly Turn[]): ChatMessage[] {
  return [
    {
      role: 'system',
      content:
        'You are a strict quality analyst reviewing a voice AI agent call transcript. Judge only by the transcript. ' +
        `Answer with one JSON object: {${answerInstructions(output)}, "reason": one or two sentences, ` +
        '"evidence_turns": the [index] numbers of the turns that support your answer}. No other text.',
    },
    { role: 'user', content: `Criterion:\n${rubric}\n\nTranscript:\n${transcriptForJudge(turns)}` },
  ];
}

/** The JSON schema for `response_format: {type: 'json_schema'}` on servers that support it. */
export function judgeJsonSchema(output: EvaluatorOutput): Record<string, unknown> {
  const answer =
    output.type === 'score'
      ? { score: { type: 'integer', minimum: 1, maximum: 5 } }
      : { verdict: { type: 'string', enum: output.type === 'labels' ? output.labels : ['pass', 'fail'] } };
  return {
    type: 'object',
    additionalProperties: false,
    properties: { ...answer, reason: { type: 'string' }, evidence_turns: { type: 'array', items: { type: 'integer' } } },
    required: [...Object.keys(answer), 'reason', 'evidence_turns'],
  };
}

export class JudgeOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JudgeOutputError';
  }
}

/** The answer must be a JSON object; which fields matter depends on the output type. */
const answerObject = z.record(z.string(), z.unknown());
/** 1-5; models sometimes send "4" or 4.0, never 3.5. */
const scoreSchema = z
  .union([z.number(), z.string().trim().regex(/^\d+(\.0+)?$/).transform(Number)])
  .pipe(z.number().int().min(1).max(5));
const verdictSchema = z.string().trim().min(1);
/** an index the model cites: a number, or a numeric string ("3"); anything else is not evidence. */
const evidenceIndex = z.union([z.number().int().min(0), z.string().trim().regex(/^\d+$/).transform(Number)]);

/** Strips a ```json fence some models add even when told not to. */
function unfence(content: string): string {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/i.exec(content);
  return fenced?.[1] ?? content;
}

/** The JSON object in an answer: the whole text, else the outermost `{...}` in prose around it. */
function parseObject(content: string): unknown {
  const text = unfence(content);
  try {
    return JSON.parse(text);
  } catch {
    const first = text.indexOf('{');
    const last = text.lastIndexOf('}');
    if (first < 0 || last <= first) throw new JudgeOutputError(`The model's answer is not JSON: ${content.slice(0, 120)}`);
    try {
      return JSON.parse(text.slice(first, last + 1));
    } catch {
      throw new JudgeOutputError(`The model's answer is not JSON: ${content.slice(0, 120)}`);
    }
  }
}

/**
 * Parses and validates the judge's answer; throws JudgeOutputError naming what was wrong. Only the
 * field the output type needs must be valid: a stray `"score": null` on a pass/fail answer does not
 * sink it, and evidence naming turns the call does not have is dropped, not trusted.
 */
export function parseJudgeAnswer(content: string | null | undefined, output: EvaluatorOutput, turnIdxs: ReadonlySet<number>): Verdict {
  if (!content || content.trim() === '') throw new JudgeOutputError('The model returned an empty answer.');
  const object = answerObject.safeParse(parseObject(content));
  if (!object.success || Array.isArray(object.data)) throw new JudgeOutputError('The model\'s answer is not a JSON object.');
  const answer = object.data;
  const reason = typeof answer.reason === 'string' ? answer.reason.slice(0, 5000) : '';
  const cited = Array.isArray(answer.evidence_turns) ? answer.evidence_turns : [];
  const evidence = [
    ...new Set(cited.flatMap((raw) => {
      const idx = evidenceIndex.safeParse(raw);
      return idx.success && turnIdxs.has(idx.data) ? [idx.data] : [];
    })),
  ].sort((a, b) => a - b);
  if (output.type === 'score') {
    const score = scoreSchema.safeParse(answer.score);
    if (!score.success) throw new JudgeOutputError(`The model gave no valid score (1-5): ${JSON.stringify(answer.score ?? null)}.`);
    return { verdict: null, score: score.data, passed: passedUnder(output, null, score.data), reason, evidence };
  }
  const allowed = output.type === 'labels' ? output.labels : ['pass', 'fail'];
  const said = verdictSchema.safeParse(answer.verdict);
  const verdict = said.success ? allowed.find((label) => label.toLowerCase() === said.data.toLowerCase()) : undefined;
  if (verdict === undefined) throw new JudgeOutputError(`The model's verdict ${JSON.stringify(answer.verdict ?? null)} is not one of ${allowed.join(', ')}.`);
  return { verdict, score: null, passed: passedUnder(output, verdict, null), reason, evidence };
}
