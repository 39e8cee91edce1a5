import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startTestApp, type RunningTestApp } from '../support/temp-app';

/** The first slice of PII (structured types, spoken forms) over the API. */
let app: RunningTestApp;

beforeAll(async () => {
  app = await startTestApp();
  const response = await postJson(app, '/api/v1/observability/calls', {
    id: 'pii-1',
    messages: [
      { role: 'bot', content: 'Can I get a callback number?', start_time: 0, end_time: 2000 },
      { role: 'user', content: 'Sure, it is four one five five five five one two one two.', start_time: 2500, end_time: 7500 },
      { role: 'bot', content: 'And the card on file?', start_time: 8000, end_time: 9500 },
      { role: 'user', content: 'It is 4111 1111 1111 1111, and my email is john dot smith at gmail dot com.', start_time: 10000, end_time: 16000 },
      { role: 'bot', content: 'Your order number is 4155551212, thanks.', start_time: 16500, end_time: 19000 },
    ],
  });
  expect(response.status).toBe(201);
});
afterAll(async () => {
  await app.stop();
});

describe('GET /api/v1/calls/{id}/pii', () => {
  it('finds spoken and written PII, maps it to characters and times, and redacts the turns', async () => {
    const pii = await (await app.api('/api/v1/calls/pii-1/pii')).json();
    const byType = (type: string) => pii.findings.filter((f: { type: string }) => f.type === type);
    const phone = byType('phone_number')[0];
    expect(phone).toMatchObject({ turn: 1, text: 'four one five five five five one two one two' });
    expect(phone.start_ms).toBeGreaterThanOrEqual(2500);
    expect(phone.end_ms).toBeLessThanOrEqual(7500);
    expect(byType('credit_card')[0]).toMatchObject({ turn: 3, text: '4111 1111 1111 1111' });
    expect(byType('email_address')[0]).toMatchObject({ turn: 3, text: 'john dot smith at gmail dot com' });
    // an order number is not a phone number
    expect(pii.findings.filter((f: { turn: number }) => f.turn === 4)).toEqual([]);
    expect(pii.redacted_turns[1].text).toBe('Sure, it is <PHONE_NUMBER>.');
    expect(pii.redacted_turns[3].text).toBe('It is <CREDIT_CARD>, and my email is <EMAIL_ADDRESS>.');
  });

  it('keeps only the types asked for, and names an unknown type', async () => {
    const cards = await (await app.api('/api/v1/calls/pii-1/pii?types=credit_card')).json();
    expect(cards.findings.map((f: { type: string }) => f.type)).toEqual(['credit_card']);
    const bad = await app.api('/api/v1/calls/pii-1/pii?types=credit_card,shoe_size');
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields[0].path).toMatch(/^types/);
  });
});

describe('a Cekura payload that asks for redaction', () => {
  it('is stored redacted: transcript and kept payload alike', async () => {
    const response = await postJson(app, '/observability/v1/observe/', {
      call_id: 'redact-1',
      agent: 7,
      redact_fields: ['phone_number', 'credit_card'],
      transcript_json: [
        { role: 'Main Agent', content: 'What number can we reach you on?', start_time: 0, end_time: 2 },
        { role: 'Testing Agent', content: 'It is four one five five five five one two one two, card 4111 1111 1111 1111.', start_time: 2.5, end_time: 9 },
      ],
    });
    expect(response.status).toBe(201);
    const transcript = await (await app.api('/api/v1/calls/redact-1/transcript')).json();
    expect(transcript[1].content).toBe('It is <PHONE_NUMBER>, card <CREDIT_CARD>.');
    const kept = app.core.db.prepare("SELECT p.body FROM call_payloads p JOIN calls c ON c.id = p.call_id WHERE c.external_id = 'redact-1'").get() as { body: Buffer };
    const text = kept.body.toString('utf8');
    expect(text).not.toContain('4111 1111 1111 1111');
    expect(text).not.toContain('four one five five five five');
    expect(text).toContain('<REDACTED>');
    expect(JSON.parse(text).call_id).toBe('redact-1'); // still the payload, still JSON
  });
});
