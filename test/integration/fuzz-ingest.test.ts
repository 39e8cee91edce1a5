import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutateDocument, mutateText, seededRng, type Rng } from '../support/fuzz';
import { scaledShapes } from '../support/scaled-payloads';
import { startTestApp, type RunningTestApp } from '../support/temp-app';

/**
 * Issue 17 must-show: a short seeded fuzz run over every ingest route. A few hundred bodies mutated
 * from well-formed seeds (every format, JSON, JSON Lines, form and multipart bodies, recordings),
 * structurally or byte by byte, sometimes under the wrong content type. Any 5xx, or a request left
 * unanswered, fails the run and names the seed and the body's number to replay it.
 */
const SEED = Number(process.env.CALLSCOPE_FUZZ_SEED ?? 20_260_117);
const BODIES = 320;
const ANSWER_WITHIN_MS = 10_000;

let app: RunningTestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

interface Seed {
  name: string;
  route: string;
  /** the request for a (possibly mutated) document. */
  request(document: unknown, rng: Rng): { body: string | Buffer | FormData; contentType: string | null; query?: string };
  document: unknown;
}

const json = (route: string, name: string, document: unknown): Seed => ({
  name,
  route,
  document,
  request: (doc) => ({ body: JSON.stringify(doc), contentType: 'application/json' }),
});

const cekura = scaledShapes.find((s) => s.provider === 'cekura');
const retell = scaledShapes.find((s) => s.provider === 'retell');
const efficientAi = scaledShapes.find((s) => s.provider === 'efficientai');
if (!cekura || !retell || !efficientAi) throw new Error('missing a scaled shape');

/** Form fields as Cekura sends them: scalars as text, objects and lists as JSON text. */
const asFields = (document: unknown): [string, string][] =>
  typeof document === 'object' && document !== null && !Array.isArray(document)
    ? Object.entries(document).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value ?? null)])
    : [['transcript_json', JSON.stringify(document)]];

const WAV = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt '), Buffer.alloc(64, 1)]);

const seeds: Seed[] = [
  ...scaledShapes.map((shape) => json(shape.route, shape.name, shape.build(3))),
  json('/api/v1/observability/calls/retell/webhook', 'retell on the seed-000 route', retell.build(2)),
  json('/api/v1/import', 'import: a list of calls', scaledShapes.map((shape) => shape.build(1))),
  {
    name: 'import: JSON Lines',
    route: '/api/v1/import',
    document: scaledShapes.map((shape) => shape.build(1)),
    request: (doc) => ({
      body: Array.isArray(doc) ? doc.map((line) => JSON.stringify(line)).join('\n') : JSON.stringify(doc),
      contentType: 'application/x-ndjson',
    }),
  },
  {
    name: 'observe: form body',
    route: '/observability/v1/observe/',
    document: cekura.build(2),
    request: (doc) => ({ body: new URLSearchParams(asFields(doc)).toString(), contentType: 'application/x-www-form-urlencoded' }),
  },
  {
    name: 'observe: multipart with a recording',
    route: '/observability/v1/observe/',
    document: cekura.build(2),
    request: (doc) => {
      const form = new FormData();
      for (const [key, value] of asFields(doc)) form.append(key, value);
      form.append('voice_recording', new Blob([WAV]), 'call.wav');
      return { body: form, contentType: null };
    },
  },
  {
    name: 'recordings: an upload by file stem',
    route: '/api/v1/recordings',
    document: { filename: 'eff-3.wav' },
    request: (doc, rng) => ({
      body: rng.chance(0.5) ? WAV : Buffer.from(mutateText(WAV.toString('latin1'), rng), 'latin1'),
      contentType: 'application/octet-stream',
      query: `filename=${encodeURIComponent(typeof doc === 'object' && doc !== null && 'filename' in doc ? String(doc.filename) : JSON.stringify(doc))}`,
    }),
  },
];

const wrongTypes = ['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/octet-stream', 'application/vnd.api+json'];

describe('seeded fuzz over every ingest route', () => {
  it(`answers ${BODIES} mutated bodies (seed ${SEED}) without a 5xx`, { timeout: 120_000 }, async () => {
    // the call a recording upload can attach to
    expect((await app.api('/api/v1/observability/calls', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(efficientAi.build(3)) })).status).toBe(201);
    const rng = seededRng(SEED);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < BODIES; i++) {
      const seed = seeds[i % seeds.length];
      if (!seed) continue;
      const mutation = rng.int(10);
      const document = mutation < 7 ? mutateDocument(seed.document, rng) : seed.document;
      const request = seed.request(document, rng);
      const query = request.query;
      let { body, contentType } = request;
      if (mutation >= 7 && typeof body === 'string') body = mutateText(body, rng);
      if (mutation === 9 && contentType !== null) contentType = rng.pick(wrongTypes);
      const what = `seed ${SEED} body #${i} (${seed.name}, ${mutation < 7 ? 'structure' : mutation === 9 ? 'bytes + content type' : 'bytes'})`;
      try {
        const response = await app.api(`${seed.route}${query ? `?${query}` : ''}`, {
          method: 'POST',
          headers: contentType === null ? {} : { 'content-type': contentType },
          body,
          signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
        });
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status >= 500) failures.push(`${what}: ${response.status} ${text.slice(0, 200)}`);
        if (process.env.CALLSCOPE_FUZZ_SHOW === String(i)) console.info(typeof body === 'string' ? body : '(binary or multipart)');
      } catch (error) {
        failures.push(`${what}: no answer (${error instanceof Error ? error.message : String(error)})`);
      }
    }
    console.info(`fuzz seed ${SEED}: ${BODIES} bodies, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
    expect(failures).toEqual([]);
    // the listener still answers and the store is sound
    expect((await app.api('/api/v1/calls?page_size=1')).status).toBe(200);
    expect(app.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
