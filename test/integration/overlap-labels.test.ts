import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../support/corpus';
import { postJson, startTestApp, type RunningTestApp } from '../support/temp-app';

/** Issue 16: a reviewer confirms or changes an overlap's class; the label is kept, counted in the list and measured. */

const transfer = loadCorpus('retell').find((c) => c.name === 'retell/call_ended_transfer')!;
let app: RunningTestApp;

beforeEach(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  await app.stop();
});

const rpc = async (method: string, body: unknown) => {
  const response = await postJson(app, `/rpc/${method}`, body);
  return { status: response.status, body: await response.json() };
};

describe('overlap labels', () => {
  it('stores a label against the automatic class, shows it in the metrics and the list counts, measures agreement, and takes it back', async () => {
    expect((await postJson(app, '/api/v1/import', transfer.bytes.toString())).status).toBe(201);
    const page = await rpc('listCalls', {});
    const id = page.body.rows[0].id;
    // "Okay." inside the agent's turn: an automatic backchannel
    expect(page.body.rows[0].overlap_counts).toEqual({ backchannel: 1 });
    const before = (await rpc('getCallMetrics', { id })).body;
    const overlap = before.overlaps[0];
    expect(overlap).toMatchObject({ at_ms: 37600, class: 'backchannel', confirmed_class: null });

    const changed = await rpc('labelOverlap', { id, at_ms: overlap.at_ms, class: 'barge_in' });
    expect(changed).toEqual({ status: 200, body: { at_ms: 37600, class: 'backchannel', confirmed_class: 'barge_in', counts: { barge_in: 1 } } });
    expect((await rpc('getCallMetrics', { id })).body.overlaps[0].confirmed_class).toBe('barge_in');
    expect((await rpc('listCalls', {})).body.rows[0].overlap_counts).toEqual({ barge_in: 1 });
    expect((await rpc('getOverlapAgreement', {})).body).toMatchObject({ n: 1, agree: 0, accuracy: 0, confusion: { backchannel: { barge_in: 1 } } });

    await rpc('labelOverlap', { id, at_ms: overlap.at_ms, class: 'backchannel' });
    expect((await rpc('getOverlapAgreement', {})).body).toMatchObject({ n: 1, agree: 1, accuracy: 1 });
    await rpc('labelOverlap', { id, at_ms: overlap.at_ms, class: null });
    expect((await rpc('getOverlapAgreement', {})).body).toMatchObject({ n: 0, accuracy: null });
    expect((await rpc('listCalls', {})).body.rows[0].overlap_counts).toEqual({ backchannel: 1 });
  });

  it('names what is wrong: no such overlap, no such call, no such class', async () => {
    await postJson(app, '/api/v1/import', transfer.bytes.toString());
    const id = (await rpc('listCalls', {})).body.rows[0].id;
    const missing = await rpc('labelOverlap', { id, at_ms: 1234, class: 'barge_in' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(`call ${id} has no overlap at 1,234 ms`);
    expect((await rpc('labelOverlap', { id: 99999, at_ms: 37600, class: 'barge_in' })).status).toBe(404);
    const badClass = await rpc('labelOverlap', { id, at_ms: 37600, class: 'shouting' });
    expect(badClass.status).toBe(422);
    expect(JSON.stringify(badClass.body)).toContain('class');
  });
});
