import { describe, expect, it } from 'vitest';
import { normalizeWrappedRetell, wrappedRetellFormat } from '../../../src/core/formats/wrapped';
import { expectFacts, loadCorpus } from '../../support/corpus';
import { fieldPaths, refusal } from '../../support/refusal';

const cases = loadCorpus('wrapped');
const accepted = cases.filter((c) => c.expected.accept);
const rejected = cases.filter((c) => !c.expected.accept);
const others = loadCorpus().filter((c) => c.provider !== 'wrapped');

const paths = fieldPaths;

function envelope(): Record<string, unknown> {
  const found = cases.find((c) => c.name === 'wrapped/get_call_isp');
  if (!found) throw new Error('no corpus case wrapped/get_call_isp');
  return structuredClone(found.payload) as Record<string, unknown>;
}

const dataOf = (payload: Record<string, unknown>) => payload.data as Record<string, unknown>;

describe('wrapped Retell-like envelopes against the corpus', () => {
  it('has accepted and rejected corpus files to check', () => {
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    expect(rejected.length).toBeGreaterThanOrEqual(1);
  });

  it.each(accepted.map((c) => [c.name, c] as const))('%s yields every expected fact', (_name, corpusCase) => {
    const { call, turns } = normalizeWrappedRetell(corpusCase.payload);
    expectFacts(call, turns, corpusCase.expected);
  });

  it.each(rejected.map((c) => [c.name, c] as const))('%s is refused as an error envelope, not a call', (_name, corpusCase) => {
    const error = refusal(() => normalizeWrappedRetell(corpusCase.payload));
    expect(error.code).toBe('invalid_payload');
    expect(error.message).toMatch(/error envelope, not a call/);
    expect(paths(error)).toContain('data');
  });

  it.each(cases.map((c) => [c.name, c] as const))('detect names the source format of %s', (_name, corpusCase) => {
    expect(wrappedRetellFormat.detect(corpusCase.payload)).toBe(corpusCase.expected.source_format);
  });

  it.each(others.map((c) => [c.name, c] as const))('detect leaves %s to its own format', (_name, corpusCase) => {
    expect(wrappedRetellFormat.detect(corpusCase.payload)).toBeNull();
  });
});

describe('wrapped envelope rules', () => {
  it('says what the error envelope reported', () => {
    const error = refusal(() =>
      normalizeWrappedRetell({ message: 'Call not found', status: 'error', error: { code: 'CALL_NOT_FOUND', detail: 'No call with id x' }, data: null }),
    );
    expect(error.message).toBe('wrapped Retell-like payload is an error envelope, not a call: Call not found (CALL_NOT_FOUND: No call with id x)');
    expect(paths(error)).toEqual(['status', 'data']);
  });

  it('refuses a boolean false status even when data is present', () => {
    const payload = envelope();
    payload.status = false;
    expect(wrappedRetellFormat.detect(payload)).toBe('wrapped-retell-like.error');
    expect(paths(refusal(() => normalizeWrappedRetell(payload)))).toEqual(['status']);
  });

  it('accepts a boolean true status', () => {
    const payload = envelope();
    payload.status = true;
    expect(wrappedRetellFormat.detect(payload)).toBe('wrapped-retell-like.get-call');
    expect(normalizeWrappedRetell(payload).call.external_id).toBe('call_504c8387b1d173af4bf6bc86781a');
  });

  it('reuses the Retell rules for data: cents, latency, word timings', () => {
    const payload = envelope();
    const { call, turns } = normalizeWrappedRetell(payload);
    expect(call.provider_metrics).toEqual(dataOf(payload).latency);
    expect(call.cost_usd).toBe(0.1812);
    expect(turns[0]?.words?.[0]).toEqual({ text: 'Northwind', start_ms: 700, end_ms: 1198 });
    expect(call.extra).toMatchObject({ envelope: { message: 'Call details fetched successfully', status: 'success' }, call_type: 'phone_call' });
  });

  it('refuses an envelope whose call has no id, naming data.call_id', () => {
    const payload = envelope();
    delete dataOf(payload).call_id;
    expect(wrappedRetellFormat.detect(payload)).toBeNull();
    const error = refusal(() => normalizeWrappedRetell(payload));
    expect(error.code).toBe('invalid_payload');
    expect(paths(error)).toEqual(['data.call_id']);
  });

  it('names wrong types inside data, down to the transcript', () => {
    const payload = envelope();
    const data = dataOf(payload);
    data.end_timestamp = 'later';
    (data.transcript_with_tool_calls as Record<string, unknown>[])[4]!.name = 7;
    expect(paths(refusal(() => normalizeWrappedRetell(payload))).sort()).toEqual(['data.end_timestamp', 'data.transcript_with_tool_calls.4.name']);
  });

  it('detects only the exact envelope keys', () => {
    const payload = envelope();
    expect(wrappedRetellFormat.detect({ ...payload, page: 1 })).toBeNull();
    expect(wrappedRetellFormat.detect(payload.data)).toBeNull();
    for (const other of [null, [], 'x', { data: { call_id: 'c' } }]) expect(wrappedRetellFormat.detect(other)).toBeNull();
  });
});
