import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small OpenAI-compatible server on port 0 for the evaluator tests and the bench: real HTTP,
 * `POST /v1/chat/completions`, with a scripted behaviour per request. The good answer is read off
 * the transcript in the prompt: the call passes when an AGENT line says "confirmed", and those
 * lines' [index] numbers are the evidence (else it fails, citing the last line).
 */
export type FakeBehaviour =
  | { kind: 'verdict' }
  /** an error status; 429 and 5xx carry `retry-after-ms` (5 ms unless given) so retries are quick. */
  | { kind: 'status'; status: number; retryAfterMs?: number; body?: string }
  /** never answers (until the client gives up). */
  | { kind: 'hang' }
  /** headers, then a body that never ends. */
  | { kind: 'hang_body' }
  /** 200 with a body that is not JSON. */
  | { kind: 'malformed_body' }
  /** a proper completion whose message content is not a usable verdict. */
  | { kind: 'malformed_content'; content?: string }
  /** 400 when the request asks for `response_format: json_schema`, else a good verdict. */
  | { kind: 'reject_json_schema' };

export interface SeenRequest {
  /** 1-based, in arrival order. */
  n: number;
  path: string;
  authorization: string | null;
  body: ChatBody | null;
}

interface ChatBody {
  model?: string;
  messages?: { role: string; content: string }[];
  response_format?: { type?: string };
}

export interface FakeOpenAi {
  /** the base URL to configure, ending in /v1. */
  baseUrl: string;
  /** what to do with each request; the default answers every one with a good verdict. */
  behave(choose: (request: SeenRequest) => FakeBehaviour): void;
  /** fixed delay before every answer (ms). */
  setLatency(ms: number): void;
  requests(): SeenRequest[];
  /** most requests open at the same moment. */
  maxConcurrent(): number;
  open(): number;
  reset(): void;
  close(): Promise<void>;
}

/** Behaviours in order, then `rest` for every later request: `sequence([429, 429], verdict)`. */
export function sequence(first: readonly FakeBehaviour[], rest: FakeBehaviour = { kind: 'verdict' }): (request: SeenRequest) => FakeBehaviour {
  let i = 0;
  return () => first[i++] ?? rest;
}

/** The judge's answer to the prompt it was sent, as the real model would give it. */
export function goodAnswer(body: ChatBody | null): Record<string, unknown> {
  const system = body?.messages?.find((m) => m.role === 'system')?.content ?? '';
  const user = body?.messages?.find((m) => m.role === 'user')?.content ?? '';
  const lines = [...user.matchAll(/^\[(\d+)\] \S+ (AGENT|CALLER|TOOL):(.*)$/gm)].map((m) => ({ idx: Number(m[1]), role: m[2], text: m[3] ?? '' }));
  const confirmed = lines.filter((l) => l.role === 'AGENT' && /\bconfirmed\b/i.test(l.text)).map((l) => l.idx);
  const passed = confirmed.length > 0;
  const evidence = passed ? confirmed : lines.slice(-1).map((l) => l.idx);
  const reason = passed ? 'The agent confirmed the booking.' : 'The agent never confirmed anything.';
  if (system.includes('"score"')) return { score: passed ? 5 : 2, reason, evidence_turns: evidence };
  const labels = /exactly one of (.*?), "reason"/.exec(system)?.[1];
  const label = labels ? (JSON.parse(`[${labels}]`) as string[])[passed ? 0 : 1] : passed ? 'pass' : 'fail';
  return { verdict: label, reason, evidence_turns: evidence };
}

function completion(body: ChatBody | null, content: string): string {
  return JSON.stringify({
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body?.model ?? 'fake-model',
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
    usage: { prompt_tokens: 120, completion_tokens: 30, total_tokens: 150 },
  });
}

async function readBody(req: IncomingMessage): Promise<ChatBody | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatBody;
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body);
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  let choose: (request: SeenRequest) => FakeBehaviour = () => ({ kind: 'verdict' });
  let latency = 0;
  let seen: SeenRequest[] = [];
  let open = 0;
  let maxOpen = 0;

  const answer = (res: ServerResponse, request: SeenRequest, behaviour: FakeBehaviour) => {
    switch (behaviour.kind) {
      case 'verdict':
        return send(res, 200, completion(request.body, JSON.stringify(goodAnswer(request.body))));
      case 'status': {
        const retryable = behaviour.status === 429 || behaviour.status >= 500;
        const headers: Record<string, string> = retryable ? { 'retry-after-ms': String(behaviour.retryAfterMs ?? 5) } : {};
        const message = behaviour.body ?? (behaviour.status === 429 ? 'Rate limit reached, slow down' : 'The server had an error');
        return send(res, behaviour.status, JSON.stringify({ error: { message, type: 'fake_error' } }), headers);
      }
      case 'hang':
        return; // the response stays open until the client closes the connection
      case 'hang_body':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"id": "chatcmpl-');
        return;
      case 'malformed_body':
        return send(res, 200, '{"choices": [ this is not json');
      case 'malformed_content':
        return send(res, 200, completion(request.body, behaviour.content ?? 'I think the agent did fine, overall.'));
      case 'reject_json_schema':
        if (request.body?.response_format?.type === 'json_schema') {
          return send(res, 400, JSON.stringify({ error: { message: "response_format 'json_schema' is not supported by this server", type: 'invalid_request_error' } }));
        }
        return send(res, 200, completion(request.body, JSON.stringify(goodAnswer(request.body))));
    }
  };

  const server = createServer((req, res) => {
    open++;
    maxOpen = Math.max(maxOpen, open);
    let counted = true;
    const done = () => {
      if (!counted) return;
      counted = false;
      open--;
    };
    res.once('finish', done);
    res.once('close', done);
    void (async () => {
      const body = await readBody(req);
      const request: SeenRequest = { n: seen.length + 1, path: req.url ?? '', authorization: req.headers.authorization ?? null, body };
      seen.push(request);
      if (req.method !== 'POST' || !request.path.endsWith('/chat/completions')) return send(res, 404, JSON.stringify({ error: { message: `no route ${req.method} ${request.path}` } }));
      const behaviour = choose(request);
      const respond = () => {
        if (!res.destroyed) answer(res, request, behaviour);
      };
      if (latency > 0) setTimeout(respond, latency);
      else respond();
    })();
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    behave: (next) => {
      choose = next;
    },
    setLatency: (ms) => {
      latency = ms;
    },
    requests: () => [...seen],
    maxConcurrent: () => maxOpen,
    open: () => open,
    reset: () => {
      seen = [];
      maxOpen = open;
      choose = () => ({ kind: 'verdict' });
      latency = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
