/**
 * Payloads of every supported format, built at any size `n` (turns, tool calls and results,
 * words). The scaling property (normalizing 8n costs about 8 times n) and the listener's stall
 * and fuzz tests use them; small sizes are the fuzz seeds. Shapes follow corpus FORMATS.md, written
 * here by hand so the tests do not read the shared corpus.
 */

export interface ScaledShape {
  /** `elevenlabs: n tool_results in one turn` */
  name: string;
  /** the provider whose module must claim the payload. */
  provider: string;
  /** the listener route a platform would send it to. */
  route: string;
  build(n: number): unknown;
  /** where the scaling test starts: a cheap scan hides behind the normalizer's own work at small n. */
  minN?: number;
}

const START_MS = Date.UTC(2026, 0, 15, 9, 0, 0);
const startIso = new Date(START_MS).toISOString();
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const speaker = (i: number) => (i % 2 === 0 ? 'agent' : 'user');
const say = (i: number) => `turn ${i} says hello there`;

function efficientAi(n: number) {
  return {
    id: `eff-${n}`,
    provider_platform: 'vapi',
    startedAt: startIso,
    messages: range(n).map((i) => ({
      role: i % 2 === 0 ? 'bot' : 'user',
      content: say(i),
      start_time: START_MS + i * 2000,
      end_time: START_MS + i * 2000 + 1500,
    })),
  };
}

function cekuraRows(n: number) {
  return range(n).flatMap((i) => [
    ...(i % 4 === 0 ? [{ role: i % 8 === 0 ? 'Main Agent' : 'Testing Agent', content: say(i), start_time: i * 2, end_time: i * 2 + 1.5 }] : []),
    // tools without ids: each result finds its call by name
    { role: 'Function Call', data: { name: 'lookup', arguments: '{"q":1}' } },
    { role: 'Function Call Result', data: { name: 'lookup', result: '"ok"' } },
  ]);
}

function retellCall(n: number, wordsPerTurn: number) {
  const transcript = range(n).flatMap((i) => [
    {
      role: speaker(i),
      content: say(i),
      words: range(wordsPerTurn).map((w) => ({ word: `w${w}`, start: i * 2 + w * 0.01, end: i * 2 + w * 0.01 + 0.005 })),
    },
    { role: 'tool_call_invocation', tool_call_id: `t${i}`, name: 'lookup', arguments: '{"q":1}' },
    { role: 'tool_call_result', tool_call_id: `t${i}`, content: '"ok"' },
  ]);
  return {
    call_id: `retell-${n}-${wordsPerTurn}`,
    call_type: 'phone_call',
    call_status: 'ended',
    direction: 'inbound',
    from_number: '+14155550100',
    to_number: '+14155550199',
    start_timestamp: START_MS,
    end_timestamp: START_MS + n * 2000,
    transcript_with_tool_calls: transcript,
  };
}

function vapiReport(n: number) {
  const messages = range(n).flatMap((i) => [
    ...(i % 4 === 0 ? [{ role: i % 8 === 0 ? 'bot' : 'user', message: say(i), time: START_MS + i * 2000, endTime: START_MS + i * 2000 + 1500, secondsFromStart: i * 2 }] : []),
    // results without a toolCallId are matched by name to the latest unanswered call, if there is one
    { role: 'tool_calls', time: START_MS + i * 2000 + 1600, toolCalls: [{ function: { name: 'lookup', arguments: '{"q":1}' } }] },
    { role: 'tool_call_result', time: START_MS + i * 2000 + 1700, name: 'lookup', result: 'ok' },
    { role: 'tool_call_result', time: START_MS + i * 2000 + 1800, name: 'trimmed_from_the_log', result: 'ok' },
  ]);
  return {
    message: {
      type: 'end-of-call-report',
      startedAt: startIso,
      endedAt: new Date(START_MS + n * 2000).toISOString(),
      endedReason: 'customer-ended-call',
      call: { id: `vapi-${n}`, type: 'inboundPhoneCall' },
      artifact: { messages },
    },
  };
}

function elevenLabs(data: Record<string, unknown>) {
  return {
    type: 'post_call_transcription',
    event_timestamp: START_MS / 1000 + 600,
    data: {
      agent_id: 'agent_1',
      status: 'done',
      metadata: { start_time_unix_secs: START_MS / 1000, call_duration_secs: 600 },
      ...data,
    },
  };
}

function livekitReport(n: number) {
  const start = START_MS / 1000;
  const items = range(n).flatMap((i) => [
    {
      type: 'message',
      id: `m${i}`,
      role: i % 2 === 0 ? 'assistant' : 'user',
      content: [say(i)],
      metrics: { started_speaking_at: start + i * 2, stopped_speaking_at: start + i * 2 + 1.5 },
    },
    { type: 'function_call', call_id: `c${i}`, name: 'lookup', arguments: '{"q":1}', created_at: start + i * 2 + 1.6 },
    { type: 'function_call_output', call_id: `c${i}`, name: 'lookup', output: 'ok', created_at: start + i * 2 + 1.7 },
  ]);
  return { job_id: 'job_1', room_id: `RM_${n}`, room: 'room', audio_recording_started_at: start, events: [], chat_history: { items } };
}

function deepgram(n: number, withParagraphs: boolean) {
  // two channels, n words each, one paragraph per two words (each paragraph finds its words among all)
  const channel = (c: number) => {
    const words = range(n).map((i) => ({ word: `w${i}`, start: i * 0.5 + c * 0.25, end: i * 0.5 + c * 0.25 + 0.2, punctuated_word: `w${i}` }));
    const paragraphs = range(Math.ceil(n / 2)).map((p) => {
      const first = words[p * 2];
      const last = words[Math.min(n, p * 2 + 2) - 1];
      return { sentences: [{ text: `paragraph ${p}`, start: first?.start ?? 0, end: last?.end ?? 0 }], start: first?.start ?? 0, end: last?.end ?? 0 };
    });
    return { alternatives: [{ transcript: 'words', words, ...(withParagraphs ? { paragraphs: { paragraphs } } : {}) }] };
  };
  return {
    metadata: { request_id: `dg-${n}-${withParagraphs}`, duration: n * 0.5, channels: 2 },
    results: { channels: [channel(0), channel(1)] },
  };
}

export const scaledShapes: readonly ScaledShape[] = [
  { name: 'efficientai: n messages', provider: 'efficientai', route: '/api/v1/observability/calls', build: efficientAi },
  {
    name: 'cekura: n rows and n tool calls matched by name',
    provider: 'cekura',
    route: '/observability/v1/observe/',
    build: (n) => ({ call_id: `cekura-${n}`, agent: 7, timestamp: startIso, transcript_type: 'cekura', transcript_json: cekuraRows(n) }),
  },
  { name: 'retell: n utterances with tools', provider: 'retell', route: '/webhooks/retell', build: (n) => ({ event: 'call_ended', call: retellCall(n, 3) }) },
  { name: 'retell: n words in one utterance', provider: 'retell', route: '/webhooks/retell', build: (n) => ({ event: 'call_ended', call: retellCall(1, n) }) },
  {
    name: 'wrapped-retell: n utterances',
    provider: 'wrapped-retell',
    route: '/api/v1/import',
    build: (n) => ({ message: 'ok', status: 'success', error: null, data: retellCall(n, 2) }),
  },
  { name: 'vapi: n tool calls, results matched by name or to nothing', provider: 'vapi', route: '/webhooks/vapi', build: vapiReport, minN: 2000 },
  {
    name: 'elevenlabs: n tool_results in the first turn',
    provider: 'elevenlabs',
    route: '/webhooks/elevenlabs',
    build: (n) =>
      elevenLabs({
        conversation_id: `conv-results-${n}`,
        transcript: [
          { role: 'agent', message: 'one moment', time_in_call_secs: 0, tool_results: range(n).map(() => ({ tool_name: 'lookup', result_value: '"ok"' })) },
          { role: 'user', message: 'ok', time_in_call_secs: 5 },
        ],
      }),
  },
  {
    name: 'elevenlabs: n turns with tool calls and results',
    provider: 'elevenlabs',
    route: '/webhooks/elevenlabs',
    build: (n) =>
      elevenLabs({
        conversation_id: `conv-turns-${n}`,
        transcript: range(n).flatMap((i) => [
          { role: speaker(i), message: say(i), time_in_call_secs: i * 2, tool_calls: [{ request_id: `r${i}`, tool_name: 'lookup', params_as_json: '{}' }] },
          { role: 'agent', message: null, time_in_call_secs: i * 2 + 1, tool_results: [{ tool_name: 'lookup', result_value: '"ok"' }] },
        ]),
      }),
  },
  {
    name: 'bland: n lines',
    provider: 'bland',
    route: '/webhooks/bland',
    build: (n) => ({
      call_id: `bland-${n}`,
      c_id: `bland-${n}`,
      call_length: n / 30,
      started_at: startIso,
      transcripts: range(n).map((i) => ({
        id: i,
        created_at: new Date(START_MS + i * 2000).toISOString(),
        text: i % 5 === 4 ? 'Tool call: lookup {"q":1}' : say(i),
        user: i % 5 === 4 ? 'agent-action' : i % 2 === 0 ? 'assistant' : 'user',
      })),
    }),
  },
  { name: 'livekit: n messages and tool calls', provider: 'livekit', route: '/observability/v1/livekit/observe/', build: livekitReport },
  {
    name: 'pipecat: n timed transcript messages',
    provider: 'pipecat',
    route: '/observability/v1/pipecat/observe/',
    build: (n) =>
      range(n).map((i) => ({ role: i % 2 === 0 ? 'assistant' : 'user', content: say(i), timestamp: new Date(START_MS + i * 2000).toISOString() })),
  },
  {
    name: 'pipecat: n tool calls in an LLM context',
    provider: 'pipecat',
    route: '/observability/v1/pipecat/observe/',
    build: (n) => [
      { role: 'system', content: 'be nice' },
      ...range(n).flatMap((i) => [
        { role: 'user', content: say(i) },
        { role: 'assistant', content: null, tool_calls: [{ id: `c${i}`, function: { name: 'lookup', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: `c${i}`, content: 'ok' },
      ]),
    ],
  },
  { name: 'deepgram: n words per channel in paragraphs', provider: 'deepgram', route: '/api/v1/import', build: (n) => deepgram(n, true) },
  { name: 'deepgram: n words per channel, no paragraphs', provider: 'deepgram', route: '/api/v1/import', build: (n) => deepgram(n, false) },
];
