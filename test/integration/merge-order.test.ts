import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startTestApp, type RunningTestApp } from '../support/temp-app';

/**
 * Issue 17 item 3: events of one call merge by meaning, not arrival. Whatever order a provider's
 * events come in, the call ends in the same state: never back to an earlier stage of its life
 * (registered < ongoing < ended < analyzed), never without a field that only one event carried.
 */
let app: RunningTestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const START = Date.UTC(2026, 1, 3, 15, 0, 0);
const words = (text: string, from: number) =>
  text.split(' ').map((word, i) => ({ word, start: from + i * 0.3, end: from + i * 0.3 + 0.25 }));
const transcript = [
  { role: 'agent', content: 'Hello, how can I help?', words: words('Hello, how can I help?', 0.5) },
  { role: 'user', content: 'I need to move my booking.', words: words('I need to move my booking.', 3) },
  { role: 'agent', content: 'Done, see you Friday.', words: words('Done, see you Friday.', 6) },
];

function retellEvents(callId: string) {
  const base = {
    call_id: callId,
    call_type: 'phone_call',
    agent_id: 'agent_ord',
    direction: 'inbound',
    from_number: '+14155550123',
    to_number: '+14155550987',
    start_timestamp: START,
    metadata: { crm_id: 'c-1' },
  };
  const ended = {
    ...base,
    call_status: 'ended',
    end_timestamp: START + 9000,
    duration_ms: 9000,
    disconnection_reason: 'agent_hangup',
    recording_url: `https://example.invalid/${callId}.wav`,
    transcript_object: transcript,
    latency: { e2e: { values: [800, 900] } },
    call_cost: { combined_cost: 12.5 },
  };
  return {
    call_started: { event: 'call_started', call: { ...base, call_status: 'ongoing' } },
    call_ended: { event: 'call_ended', call: ended },
    call_analyzed: {
      event: 'call_analyzed',
      call: { ...ended, call_analysis: { call_summary: 'Booking moved to Friday.', user_sentiment: 'Positive', call_successful: true } },
    },
  };
}

type EventName = keyof ReturnType<typeof retellEvents>;
const names: EventName[] = ['call_started', 'call_ended', 'call_analyzed'];
const orders: EventName[][] = names.flatMap((a) => names.filter((b) => b !== a).flatMap((b) => names.filter((c) => c !== a && c !== b).map((c) => [a, b, c])));

async function detail(externalId: string): Promise<Record<string, unknown>> {
  const response = await app.api(`/api/v1/calls/${externalId}`);
  expect(response.status).toBe(200);
  return response.json();
}

async function activeIds(): Promise<string[]> {
  const body = await (await app.api('/api/v1/calls/active?limit=100')).json();
  expect(Array.isArray(body)).toBe(true);
  return body.map((item: { external_id: string }) => item.external_id);
}

describe('Retell: call_started, call_ended and call_analyzed in every order', () => {
  const REPEATS = 3;
  it('has all six orders', () => {
    expect(new Set(orders.map((o) => o.join())).size).toBe(6);
  });

  it.each(orders.map((order) => [order.join(' -> '), order] as const))('%s ends analysed, with everything each event said', async (_label, order) => {
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      const callId = `call_${order.map((n) => n.slice(5, 7)).join('')}_${repeat}`;
      const events = retellEvents(callId);
      for (const name of order) expect((await postJson(app, '/webhooks/retell', events[name])).status).toBeLessThan(300);
      const call = await detail(callId);
      expect(call).toMatchObject({
        provider_status: 'ended',
        status: 'completed',
        source_format: 'retell.webhook.call_analyzed',
        end_reason: 'agent_hangup',
        turn_count: 3,
        duration_seconds: 9,
        recording_url: `https://example.invalid/${callId}.wav`,
        metadata: { crm_id: 'c-1' },
      });
      expect(call.ended_at).toBe(new Date(START + 9000).toISOString());
      expect((call.extra as Record<string, unknown>).call_analysis).toMatchObject({ call_successful: true });
      expect(await activeIds()).not.toContain(callId);
      const provider = await (await app.api(`/api/v1/calls/${callId}/metrics`)).json();
      expect(JSON.stringify(provider)).toContain('800');
    }
  });
});

describe('other providers with several events', () => {
  const vapiReport = (id: string) => ({
    message: {
      type: 'end-of-call-report',
      startedAt: new Date(START).toISOString(),
      endedAt: new Date(START + 20_000).toISOString(),
      endedReason: 'customer-ended-call',
      call: { id, type: 'inboundPhoneCall', status: 'ended' },
      artifact: {
        messages: [
          { role: 'bot', message: 'Hi there', secondsFromStart: 0.5, endTime: START + 1500, time: START + 500 },
          { role: 'user', message: 'Hello', secondsFromStart: 2, endTime: START + 3000, time: START + 2000 },
          { role: 'bot', message: 'Bye now', secondsFromStart: 4, endTime: START + 5000, time: START + 4000 },
        ],
        recordingUrl: 'https://example.invalid/vapi.wav',
      },
    },
  });
  // a GET /call poll taken while the call was still running: one turn so far, no end
  const vapiInProgress = (id: string) => ({
    id,
    orgId: 'org_1',
    type: 'inboundPhoneCall',
    status: 'in-progress',
    startedAt: new Date(START).toISOString(),
    messages: [{ role: 'bot', message: 'Hi there', secondsFromStart: 0.5, time: START + 500, endTime: START + 1500 }],
  });

  it.each([
    ['report first', ['report', 'poll']],
    ['poll first', ['poll', 'report']],
  ] as const)('Vapi: an in-progress poll and the end-of-call report, %s, end as the report says', async (label, order) => {
    const id = `vapi-${label.replace(' ', '-')}`;
    for (const what of order) {
      const response = what === 'report' ? await postJson(app, '/webhooks/vapi', vapiReport(id)) : await postJson(app, '/api/v1/import', vapiInProgress(id));
      expect(response.status).toBeLessThan(300);
    }
    const call = await detail(id);
    expect(call).toMatchObject({ provider_status: 'ended', end_reason: 'customer-ended-call', turn_count: 3, recording_url: 'https://example.invalid/vapi.wav' });
    expect(await activeIds()).not.toContain(id);
  });

  const elevenLabs = (id: string, status: 'in-progress' | 'done') => ({
    conversation_id: id,
    agent_id: 'agent_el',
    status,
    transcript:
      status === 'done'
        ? [
            { role: 'agent', message: 'Hello', time_in_call_secs: 0 },
            { role: 'user', message: 'Hi', time_in_call_secs: 2 },
          ]
        : [{ role: 'agent', message: 'Hello', time_in_call_secs: 0 }],
    metadata: { start_time_unix_secs: START / 1000, call_duration_secs: status === 'done' ? 30 : 5 },
    ...(status === 'done' ? { analysis: { call_successful: 'success' } } : {}),
  });

  it.each([
    ['done first', ['done', 'in-progress']],
    ['in progress first', ['in-progress', 'done']],
  ] as const)('ElevenLabs: an in-progress conversation and the finished one, %s, end done', async (label, order) => {
    const id = `el-${label.replaceAll(' ', '-')}`;
    for (const status of order) expect((await postJson(app, '/api/v1/import', elevenLabs(id, status))).status).toBeLessThan(300);
    const call = await detail(id);
    expect(call).toMatchObject({ provider_status: 'done', turn_count: 2, duration_seconds: 30 });
    expect((call.extra as Record<string, unknown>).analysis).toEqual({ call_successful: 'success' });
    expect(await activeIds()).not.toContain(id);
  });
});
