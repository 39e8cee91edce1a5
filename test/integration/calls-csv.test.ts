import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeAny } from '../../src/core/formats/registry';
import type { IngestJob } from '../../src/main/store/ingest-batch';
import { postJson, startTestApp, type RunningTestApp } from '../support/temp-app';
import { createEvaluator, runAndWait } from '../support/evaluators';

/** Issue 14: the list as CSV, every row of the view with its figures, verdict, notes and evaluator outcomes, streamed. */

let app: RunningTestApp;

function retell(id: string, agent: string, extra: Record<string, unknown> = {}): IngestJob {
  const body = {
    call_type: 'phone_call', call_id: id, agent_id: agent, from_number: '+1 415-555-1000', to_number: '+1 212 555 0199',
    start_timestamp: Date.UTC(2026, 0, 1) + Number(id.replace(/\D/g, '') || 0) * 60_000, transcript_object: [], ...extra,
  };
  return { normalized: normalizeAny(body), raw: { body: Buffer.from(JSON.stringify(body)), content_type: 'application/json', route: 'test' } };
}

/** RFC 4180 as a spreadsheet reads it: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

const csv = async (query: string, init?: RequestInit) => app.api(`/api/v1/calls.csv${query}`, init);

beforeAll(async () => {
  app = await startTestApp();
  const jobs = Array.from({ length: 1_200 }, (_, n) => retell(`bulk-${n}`, 'agent_bulk'));
  jobs.push(retell('c1', 'agent_csv', { disconnection_reason: 'user_hangup, then "bye"' }), retell('c2', '=HYPERLINK("http://evil")'));
  app.core.ingestMany(jobs);
}, 60_000);
afterAll(async () => {
  await app.stop();
});

describe('GET /api/v1/calls.csv', () => {
  it('writes the filtered view with its verdict, notes count and evaluator outcomes', async () => {
    const page = await app.core.handlers.listCalls({ offset: 0, limit: 10, sort: { column: 'started_at', direction: 'desc' }, filter: { agent_id: 'agent_csv' }, count: 'exact' });
    const id = page.rows[0]?.id ?? 0;
    await app.core.handlers.setVerdict({ id, verdict: 'failure' });
    await app.core.handlers.addNote({ id, at_ms: null, text: 'one' });
    await app.core.handlers.addNote({ id, at_ms: 500, text: 'two' });
    await app.core.handlers.tagCalls({ call_ids: [id], add: 'wrong-date' });
    await app.core.handlers.tagCalls({ call_ids: [id], add: 'escalate' });
    const rule = await createEvaluator(app, { kind: 'rule', name: 'Short calls', rule: { check: 'duration_in_range', max_s: 600 } });
    await runAndWait(app, [rule.id], [id]);
    const response = await csv(`?filter=${encodeURIComponent(JSON.stringify({ agent_id: 'agent_csv' }))}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="callscope-calls-.*\.csv"/);
    const [header, ...rows] = parseCsv(await response.text());
    expect(header?.slice(0, 4)).toEqual(['call_id', 'external_id', 'platform', 'agent_id']);
    expect(rows).toHaveLength(1);
    const cell = (name: string) => rows[0]?.[header?.indexOf(name) ?? -1];
    expect(cell('external_id')).toBe('c1');
    expect(cell('verdict')).toBe('failure');
    expect(cell('notes')).toBe('2');
    expect(cell('tags')).toBe('escalate; wrong-date');
    expect(cell('end_reason')).toBe('user_hangup, then "bye"');
    expect(cell('from_number')).toBe("'+1 415-555-1000");
    expect(cell('evaluator: Short calls')).toMatch(/^(pass|fail|not_applicable)$/);
  });

  it("keeps a payload's formula as text", async () => {
    const text = await (await csv(`?filter=${encodeURIComponent(JSON.stringify({ q: 'c2' }))}`)).text();
    const [header, row] = parseCsv(text);
    expect(row?.[header?.indexOf('agent_id') ?? -1]).toBe(`'=HYPERLINK("http://evil")`);
  });

  it('streams every call in list order while the store keeps taking calls', async () => {
    const response = await csv('?sort=started_at:asc');
    expect(response.headers.get('content-length')).toBeNull();
    const reader = response.body?.getReader();
    expect(reader).toBeDefined();
    const first = await reader?.read();
    // a call arriving mid-export is stored (the export reads on its own connection)
    expect((await postJson(app, '/api/v1/observability/calls', { id: 'during-export', messages: [{ role: 'bot', content: 'Hi' }] })).status).toBe(201);
    let text = new TextDecoder().decode(first?.value);
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) text += new TextDecoder().decode(chunk.value);
    const [header, ...rows] = parseCsv(text);
    const ids = rows.map((row) => row[header?.indexOf('external_id') ?? -1]);
    expect(ids).toHaveLength(1_202);
    const firstPage = await app.core.handlers.listCalls({ offset: 0, limit: 300, sort: { column: 'started_at', direction: 'asc' }, filter: {}, count: 'bound' });
    expect(ids.slice(0, 300)).toEqual(firstPage.rows.map((row) => row.external_id));
    expect(ids).not.toContain('during-export');
  });

  it('writes just the ticked calls named by an id filter, even 10,000 ids in the link', async () => {
    const page = await app.core.handlers.listCalls({ offset: 0, limit: 3, sort: { column: 'started_at', direction: 'asc' }, filter: {}, count: 'bound' });
    const ticked = page.rows.map((row) => row.id);
    // the most a filter may name, seven digits each as in a million-call store (the rest match nothing)
    const ids = [...ticked, ...Array.from({ length: 10_000 - ticked.length }, (_, n) => 9_000_000 + n)];
    const response = await csv(`?filter=${encodeURIComponent(JSON.stringify({ ids }))}&sort=started_at:asc`);
    expect(response.status).toBe(200);
    const [header, ...rows] = parseCsv(await response.text());
    expect(rows.map((row) => row[header?.indexOf('external_id') ?? -1])).toEqual(page.rows.map((row) => row.external_id));
  });

  it('names a bad filter or sort, and wants the API key', async () => {
    const bad = await csv('?filter=%7Bnot-json&sort=password:up');
    expect(bad.status).toBe(422);
    const fields = (await bad.json()).error.fields.map((f: { path: string }) => f.path);
    expect(fields).toEqual(expect.arrayContaining(['filter', 'sort.column']));
    expect((await fetch(`${app.url}/api/v1/calls.csv`)).status).toBe(401);
  });
});
