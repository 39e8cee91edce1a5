import OpenAI from 'openai';
import type { EvaluatorOutput } from '../../core/evaluators/definition';
import { judgeJsonSchema, judgeMessages, parseJudgeAnswer } from '../../core/evaluators/judge-prompt';
import { estimateCostUsd } from '../../core/evaluators/pricing';
import type { Verdict } from '../../core/evaluators/verdict';
import type { Turn } from '../../core/model/call';
import type { EvalSettings } from './eval-settings';

export interface JudgeOutcome {
  verdict: Verdict | null;
  error: string | null;
  model: string;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  cost_usd: number | null;
  attempts: number;
}

/** The request was cancelled by the user: not a failure of the evaluator. */
export class JudgeCancelled extends Error {}

/** Servers (base URL + model) that answered 400 to `response_format: json_schema`: asked plainly from then on. */
const withoutJsonSchema = new Set<string>();

/** The key must never reach a stored error, a response or a log, even when a server echoes it back. */
function redact(text: string, settings: EvalSettings): string {
  return settings.api_key && settings.api_key.length >= 4 ? text.split(settings.api_key).join('[redacted]') : text;
}

/** A one-line reason a judge call failed, without the key or the prompt. */
function describeFailure(error: unknown, settings: EvalSettings, attempts: number): string {
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
  if (error instanceof OpenAI.APIConnectionTimeoutError) return `Timed out after ${settings.timeout_ms} ms (${tries}).`;
  if (error instanceof OpenAI.APIConnectionError) return redact(`Could not reach ${settings.base_url} (${tries}): ${error.message}`, settings).slice(0, 500);
  if (error instanceof OpenAI.APIError) {
    return redact(`The model server answered ${error.status ?? 'an error'} (${tries}): ${error.message}`, settings).slice(0, 500);
  }
  return redact(error instanceof Error ? error.message : String(error), settings).slice(0, 500);
}

/** Whether a 400/422 says the server does not know `response_format: json_schema` (many local servers). */
function rejectsJsonSchema(error: unknown): boolean {
  const refused = error instanceof OpenAI.BadRequestError || error instanceof OpenAI.UnprocessableEntityError;
  return refused && /response_format|json_schema|schema|structured/i.test(error.message);
}

/**
 * Counts attempts and reads the whole body inside the attempt: the SDK's timeout covers only the
 * wait for headers, so a server that sends headers and then stalls would otherwise hang forever.
 */
function countingFetch(onAttempt: () => void): typeof fetch {
  return async (url, init) => {
    onAttempt();
    const response = await fetch(url, init);
    const body = await response.arrayBuffer();
    const empty = response.status === 204 || response.status === 304;
    return new Response(empty ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/**
 * Settles with the work, or rejects as soon as the signal aborts: the SDK sleeps through a
 * retry back-off (up to what Retry-After asks) before it notices, and cancel must not wait for it.
 */
function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(new JudgeCancelled('cancelled'));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new JudgeCancelled('cancelled'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * One LLM judgement: structured output (JSON schema where the server supports it, else plain
 * JSON instructions), validated with zod either way. Retries with backoff on 429/5xx and timeouts
 * are the SDK's (honouring Retry-After / retry-after-ms); every attempt is counted.
 */
export async function judgeCall(rubric: string, output: EvaluatorOutput, turns: readonly Turn[], settings: EvalSettings, signal: AbortSignal): Promise<JudgeOutcome> {
  let attempts = 0;
  const client = new OpenAI({
    apiKey: settings.api_key ?? 'not-set',
    baseURL: settings.base_url,
    timeout: settings.timeout_ms,
    maxRetries: settings.max_retries,
    fetch: countingFetch(() => attempts++),
  });
  const server = `${settings.base_url}\n${settings.model}`;
  const messages = judgeMessages(rubric, output, turns);
  const request = (structured: boolean) =>
    abortable(
      client.chat.completions.create(
        {
          model: settings.model,
          messages,
          temperature: 0,
          ...(structured ? { response_format: { type: 'json_schema' as const, json_schema: { name: 'verdict', strict: true, schema: judgeJsonSchema(output) } } } : {}),
        },
        { signal },
      ),
      signal,
    );
  try {
    let completion;
    if (withoutJsonSchema.has(server)) {
      completion = await request(false);
    } else {
      try {
        completion = await request(true);
      } catch (error) {
        if (!rejectsJsonSchema(error)) throw error;
        withoutJsonSchema.add(server);
        completion = await request(false);
      }
    }
    const usage = completion.usage;
    const figures = {
      model: completion.model || settings.model,
      prompt_tokens: usage?.prompt_tokens ?? null,
      completion_tokens: usage?.completion_tokens ?? null,
      cost_usd: estimateCostUsd(settings.model, usage?.prompt_tokens ?? null, usage?.completion_tokens ?? null),
      attempts,
    };
    try {
      const content = completion.choices?.[0]?.message?.content;
      const verdict = parseJudgeAnswer(content, output, new Set(turns.map((t) => t.idx)));
      return { ...figures, verdict, error: null };
    } catch (error) {
      return { ...figures, verdict: null, error: redact(error instanceof Error ? error.message : String(error), settings) };
    }
  } catch (error) {
    if (signal.aborted || error instanceof JudgeCancelled || error instanceof OpenAI.APIUserAbortError) throw new JudgeCancelled('cancelled');
    return { model: settings.model, prompt_tokens: null, completion_tokens: null, cost_usd: null, attempts, verdict: null, error: describeFailure(error, settings, attempts) };
  }
}
