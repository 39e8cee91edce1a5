/**
 * `GET /openapi.json`: the listener's routes for other tools (Postman, scripts). Shapes are named
 * after the seed documents they follow; errors are always `{error:{code,message,fields?}}`.
 */
interface Route {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  auth: 'apiKey' | 'webhook' | 'session';
  body?: string[];
  ok: string;
}

const json = ['application/json'];

const routes: Route[] = [
  { method: 'post', path: '/api/v1/observability/calls', summary: 'Ingest one call (seed 000 flat body); 201 new, 200 merged or duplicate', auth: 'apiKey', body: json, ok: '201' },
  { method: 'get', path: '/api/v1/observability/calls', summary: 'List calls (seed 000), ?skip&limit', auth: 'apiKey', ok: '200' },
  { method: 'get', path: '/api/v1/observability/calls/{call_short_id}', summary: 'Call detail (seed 000)', auth: 'apiKey', ok: '200' },
  { method: 'delete', path: '/api/v1/observability/calls/{call_short_id}', summary: 'Delete a call (seed 000)', auth: 'apiKey', ok: '200' },
  { method: 'post', path: '/api/v1/observability/calls/retell/webhook', summary: 'Retell native webhook {event, call} (seed 000)', auth: 'webhook', body: json, ok: '201' },
  { method: 'post', path: '/observability/v1/observe/', summary: 'Cekura observe (seed 003): JSON, form, or multipart with a voice_recording file; 201 CallLogList', auth: 'apiKey', body: ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'], ok: '201' },
  { method: 'get', path: '/observability/v1/call-logs/{id}/', summary: 'A call as a Cekura CallLogList (status reviewed_success / reviewed_failure once marked)', auth: 'apiKey', ok: '200' },
  { method: 'put', path: '/api/v1/calls/{id}/review', summary: 'Manual review: {verdict: success | failure | null, note?, at_ms?}', auth: 'apiKey', body: json, ok: '200' },
  { method: 'get', path: '/api/v1/calls/{id}/pii', summary: 'PII findings and redacted turns; ?types=phone_number,credit_card,...', auth: 'apiKey', ok: '200' },
  { method: 'get', path: '/api/v1/calls/{id}/metrics', summary: 'Timing metrics by source (transcript, audio, provider) plus the seed 002 keys', auth: 'apiKey', ok: '200' },
  { method: 'post', path: '/api/v1/calls/{id}/analyse', summary: 'Queue the recording analysis (fetching a remote recording_url); {wait: true} waits for it', auth: 'apiKey', body: json, ok: '202' },
  { method: 'post', path: '/api/v1/recordings', summary: 'A recording (?filename=<call id>.wav), attached to the call whose id is the file stem', auth: 'apiKey', body: ['application/octet-stream'], ok: '201' },
  { method: 'get', path: '/media/calls/{id}/audio', summary: 'The recording, with Range support', auth: 'session', ok: '200' },
  { method: 'get', path: '/media/calls/{id}/peaks', summary: 'Precomputed waveform peaks (float32 per channel)', auth: 'session', ok: '200' },
  { method: 'post', path: '/observability/v1/livekit/observe/', summary: 'Raw LiveKit session report or chat history (seed 003)', auth: 'apiKey', body: json, ok: '201' },
  { method: 'post', path: '/observability/v1/pipecat/observe/', summary: 'Raw Pipecat transcript (seed 003)', auth: 'apiKey', body: json, ok: '201' },
  { method: 'post', path: '/api/v1/import', summary: 'Any supported payload, an array, a list response, JSON Lines or a bare transcript (an array of turns: one call, named after ?source=); format detected per call and named in each result', auth: 'apiKey', body: ['application/json', 'application/x-ndjson'], ok: '201' },
  { method: 'post', path: '/webhooks/vapi', summary: 'Vapi server message (end-of-call-report); X-Vapi-Secret or Bearer when a secret is set', auth: 'webhook', body: json, ok: '201' },
  { method: 'post', path: '/webhooks/retell', summary: 'Retell webhook; x-retell-signature when a secret is set', auth: 'webhook', body: json, ok: '201' },
  { method: 'post', path: '/webhooks/elevenlabs', summary: 'ElevenLabs post_call_transcription; ElevenLabs-Signature when a secret is set', auth: 'webhook', body: json, ok: '201' },
  { method: 'post', path: '/webhooks/bland', summary: 'Bland post-call webhook; X-Webhook-Signature when a secret is set', auth: 'webhook', body: json, ok: '201' },
  { method: 'get', path: '/api/v1/calls', summary: 'List calls (seed 002): page, page_size<=100, status, workflow_id, user_id, started_after, started_before, q, provider, verdict, sort, order', auth: 'apiKey', ok: '200' },
  { method: 'get', path: '/api/v1/calls/active', summary: 'Ongoing calls (seed 002)', auth: 'apiKey', ok: '200' },
  { method: 'get', path: '/api/v1/calls/{id}', summary: 'Call (seed 002 fields plus every normalized field); id = uuid, short id, integer id or provider call id', auth: 'apiKey', ok: '200' },
  { method: 'get', path: '/api/v1/calls/{id}/transcript', summary: 'Turns (seed 002 keys plus start_ms, end_ms, words, tool)', auth: 'apiKey', ok: '200' },
  { method: 'get', path: '/api/v1/calls/{id}/detail', summary: 'Call in the seed 001 shape {success, call, url}', auth: 'apiKey', ok: '200' },
  { method: 'get', path: '/api/calls/{callId}', summary: 'Call in the seed 004 envelope {message, status, error, data}; X-API-SECRET too when set', auth: 'apiKey', ok: '200' },
  { method: 'get', path: '/api/v1/calls/{id}/export', summary: 'Redacted export of one call: ?format=json|txt|wav&types=a,b&mode=tone|silence (attachment)', auth: 'apiKey', ok: '200' },
  { method: 'post', path: '/api/v1/exports', summary: 'Redacted export of a selection: {call_ids, formats, types?, mode?} -> zip of <call>/call.json, transcript.txt, audio.wav', auth: 'apiKey', body: json, ok: '200' },
  { method: 'get', path: '/media/calls/{id}/export', summary: 'The same export for the UI (session cookie)', auth: 'session', ok: '200' },
  { method: 'get', path: '/media/exports', summary: 'The selection zip for the UI: ?call_ids=1,2&formats=json,wav', auth: 'session', ok: '200' },
  { method: 'get', path: '/api/v1/calls.csv', summary: 'The calls list as CSV, streamed: ?filter=<the list filter as JSON>&sort=<column>:<asc|desc>; figures, verdict, notes count and each evaluator outcome', auth: 'apiKey', ok: '200' },
  { method: 'get', path: '/media/calls.csv', summary: 'The same CSV for the UI (session cookie)', auth: 'session', ok: '200' },
  { method: 'get', path: '/api/v1/evaluators', summary: 'Evaluators (newest version of each): {evaluators}', auth: 'apiKey', ok: '200' },
  { method: 'post', path: '/api/v1/evaluators', summary: 'Create an evaluator: {template} or {spec: {kind: llm|rule, name, description, rubric|rule, output}}', auth: 'apiKey', body: json, ok: '201' },
  { method: 'get', path: '/api/v1/evaluators/{id}', summary: 'One evaluator', auth: 'apiKey', ok: '200' },
  { method: 'put', path: '/api/v1/evaluators/{id}', summary: 'Edit (the spec); a changed spec makes a new version', auth: 'apiKey', body: json, ok: '200' },
  { method: 'delete', path: '/api/v1/evaluators/{id}', summary: 'Delete (restorable: POST /api/v1/evaluators/{id}/restore)', auth: 'apiKey', ok: '200' },
  { method: 'post', path: '/api/v1/evaluators/{id}/restore', summary: 'Restore a deleted evaluator', auth: 'apiKey', ok: '200' },
  { method: 'get', path: '/api/v1/evaluator-templates', summary: 'Built-in templates', auth: 'apiKey', ok: '200' },
  { method: 'get', path: '/api/v1/evaluators-alignment', summary: "Each evaluator's agreement with manual verdicts (accuracy, precision, recall, kappa); ?evaluator_id", auth: 'apiKey', ok: '200' },
  { method: 'post', path: '/api/v1/observability/calls/{call_short_id}/evaluate', summary: 'Evaluate one call (seed 000): {evaluator_id, force?}; 202 with the run', auth: 'apiKey', body: json, ok: '202' },
  { method: 'post', path: '/api/v1/evaluation-runs', summary: 'Run evaluators on calls: {evaluator_ids, call_ids | filter, force?} (a call id is an integer id, uuid, short id or the provider call id, as on every {id} route); 202 with the run', auth: 'apiKey', body: json, ok: '202' },
  { method: 'get', path: '/api/v1/evaluation-runs/{id}', summary: 'A run: status, progress and results', auth: 'apiKey', ok: '200' },
  { method: 'post', path: '/api/v1/evaluation-runs/{id}/cancel', summary: 'Cancel a run (pending items are cancelled)', auth: 'apiKey', ok: '200' },
  { method: 'get', path: '/api/v1/calls/{id}/evaluations', summary: "Each evaluator's newest result on a call", auth: 'apiKey', ok: '200' },
  { method: 'post', path: '/rpc/{method}', summary: "The UI's API (same contract as the desktop IPC)", auth: 'session', body: json, ok: '200' },
  { method: 'get', path: '/rpc/events', summary: 'Server-sent events (calls.changed)', auth: 'session', ok: '200' },
];

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        fields: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
      },
    },
  },
};

const security = {
  apiKey: [{ apiKey: [] }, { efficientAiKey: [] }, { cekuraKey: [] }, { bearer: [] }],
  webhook: [{ providerSignature: [] }],
  session: [{ session: [] }, { bearer: [] }],
} as const;

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const errors = Object.fromEntries(['400', '401', '404', '413', '415', '422', '507'].map((status) => [status, { $ref: '#/components/responses/Error' }]));
    paths[route.path] = {
      ...(paths[route.path] ?? {}),
      [route.method]: {
        summary: route.summary,
        security: security[route.auth],
        ...(route.body ? { requestBody: { required: true, content: Object.fromEntries(route.body.map((type) => [type, { schema: { type: 'object' } }])) } } : {}),
        responses: { [route.ok]: { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } }, ...errors },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Callscope local listener', version: '1' },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      responses: { Error: { description: 'Error', content: { 'application/json': { schema: errorSchema } } } },
      securitySchemes: {
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-KEY' },
        efficientAiKey: { type: 'apiKey', in: 'header', name: 'X-EFFICIENTAI-API-KEY' },
        cekuraKey: { type: 'apiKey', in: 'header', name: 'X-CEKURA-API-KEY' },
        bearer: { type: 'http', scheme: 'bearer' },
        session: { type: 'apiKey', in: 'cookie', name: 'callscope_session' },
        providerSignature: { type: 'apiKey', in: 'header', name: 'x-retell-signature | ElevenLabs-Signature | X-Webhook-Signature | X-Vapi-Secret' },
      },
    },
  };
}

export const documentedRoutes = routes.map((r) => `${r.method.toUpperCase()} ${r.path}`);
