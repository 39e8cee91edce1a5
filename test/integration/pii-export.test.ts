import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { GeneratedCall } from '../support/audio-generate';
import { decodeAudioFile, type DecodedAudio } from '../../src/main/audio/decode';
import { MASK_PAD_MS } from '../../src/core/redaction/mask-spans';
import { FADE_MS } from '../../src/main/export/mask-signal';
import { postJson, startTestApp, tempDir, type RunningTestApp } from '../support/temp-app';
import { waitFor } from '../support/wait-for';
import { differingFrames, gapsBetween, measureSpan } from '../support/audio-measure';
import { generatePiiCall, piiCallPayload } from '../support/pii-call';
import { present } from '../support/present';

interface Finding {
  type: string;
  turn: number;
  text: string;
  start_ms: number;
  end_ms: number;
}

let app: RunningTestApp;
let dir: ReturnType<typeof tempDir>;
let call: GeneratedCall;
let original: DecodedAudio;
let findings: Finding[];

beforeAll(async () => {
  dir = tempDir('callscope-pii-export-');
  call = await generatePiiCall(dir.path);
  original = await decodeAudioFile(call.wavPath);
  app = await startTestApp();
  expect((await postJson(app, '/api/v1/observability/calls', piiCallPayload(call, 'export-1'))).status).toBe(201);
  const upload = await app.api('/api/v1/recordings?filename=export-1.wav', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: readFileSync(call.wavPath) });
  expect(upload.status).toBe(201);
  // a second call without a recording
  expect((await postJson(app, '/api/v1/observability/calls', { ...piiCallPayload(call, 'export-2'), id: 'export-2' })).status).toBe(201);
  await waitFor(async () => (await (await app.api('/api/v1/calls/export-1/metrics')).json()).audio?.status === 'done', 'the analysis');
  findings = (await (await app.api('/api/v1/calls/export-1/pii')).json()).findings;
  // every test below checks each finding: none may pass on an empty list
  // (the spoken number and email at least; other detectors may find more, e.g. the practice's name)
  expect(findings.map((f) => f.type)).toEqual(expect.arrayContaining(['email_address', 'phone_number']));
}, 90_000);
afterAll(async () => {
  await app.stop();
  dir.remove();
});

async function decodeResponse(response: Response, name: string): Promise<DecodedAudio> {
  const path = join(dir.path, name);
  writeFileSync(path, Buffer.from(await response.arrayBuffer()));
  return decodeAudioFile(path);
}

const findingOf = (type: string): Finding => present(findings.find((f) => f.type === type), `a ${type} finding`);

/** The inside of each covered span: past the padding-and-fade at its edges. */
const cores = () => findings.map((f) => ({ start_ms: f.start_ms - MASK_PAD_MS + FADE_MS + 1, end_ms: f.end_ms + MASK_PAD_MS - FADE_MS - 1 }));
const covered = () => findings.map((f) => ({ start_ms: f.start_ms - MASK_PAD_MS, end_ms: f.end_ms + MASK_PAD_MS }));

describe('the call used', () => {
  it('has spoken PII with times, and speech under each finding', () => {
    for (const span of cores()) expect(measureSpan(original.channels, original.sampleRate, span.start_ms, span.end_ms).rms).toBeGreaterThan(0.01);
  });
});

describe('GET /api/v1/calls/{id}/export?format=wav', () => {
  it('silence: digital silence over every finding, the recording untouched elsewhere', async () => {
    const response = await app.api('/api/v1/calls/export-1/export?format=wav&mode=silence');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/wav');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="callscope-[\w-]+-redacted\.wav"$/);
    const redacted = await decodeResponse(response, 'silence.wav');
    expect(redacted.sampleRate).toBe(original.sampleRate);
    expect(redacted.channels.length).toBe(original.channels.length);
    expect(present(redacted.channels[0], 'a redacted channel').length).toBe(present(original.channels[0], 'an original channel').length);
    for (const span of cores()) {
      const inside = measureSpan(redacted.channels, redacted.sampleRate, span.start_ms, span.end_ms);
      expect(inside.peak).toBe(0);
    }
    const outside = gapsBetween(covered(), original.durationMs, 1);
    expect(outside.length).toBeGreaterThan(1);
    for (const gap of outside) expect(differingFrames(redacted.channels, original.channels, original.sampleRate, gap.start_ms, gap.end_ms)).toBe(0);
    // and speech is really there outside: the agent's turns
    const agentTurn = present(call.transcript[0], "the agent's first turn");
    expect(measureSpan(redacted.channels, redacted.sampleRate, agentTurn.start_ms, agentTurn.end_ms).rms).toBeGreaterThan(0.01);
  });

  it('tone (the default): a 1 kHz tone at about -12 dBFS over every finding', async () => {
    const response = await app.api('/api/v1/calls/export-1/export?format=wav');
    expect(response.status).toBe(200);
    const redacted = await decodeResponse(response, 'tone.wav');
    for (const span of cores()) {
      const inside = measureSpan(redacted.channels, redacted.sampleRate, span.start_ms, span.end_ms);
      expect(inside.toneShare).toBeGreaterThan(0.98);
      expect(20 * Math.log10(inside.peak)).toBeCloseTo(-12, 0);
      // the original there is speech, not a tone
      expect(measureSpan(original.channels, original.sampleRate, span.start_ms, span.end_ms).toneShare).toBeLessThan(0.2);
    }
    for (const gap of gapsBetween(covered(), original.durationMs, 1)) {
      expect(differingFrames(redacted.channels, original.channels, original.sampleRate, gap.start_ms, gap.end_ms)).toBe(0);
    }
  });

  it('covers only the types asked for', async () => {
    const redacted = await decodeResponse(await app.api('/api/v1/calls/export-1/export?format=wav&mode=silence&types=email_address'), 'email-only.wav');
    const phone = findingOf('phone_number');
    const email = findingOf('email_address');
    expect(measureSpan(redacted.channels, redacted.sampleRate, email.start_ms - 30, email.end_ms + 30).peak).toBe(0);
    expect(differingFrames(redacted.channels, original.channels, original.sampleRate, phone.start_ms - 30, phone.end_ms + 30)).toBe(0);
  });
});

describe('the text exports', () => {
  it('json: the call with redacted turns and the findings without their text', async () => {
    const response = await app.api('/api/v1/calls/export-1/export?format=json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/redacted\.json"$/);
    const text = await response.text();
    for (const f of findings) expect(text).not.toContain(f.text);
    const body = JSON.parse(text);
    expect(body.call.external_id).toBe('export-1');
    expect(body.call).not.toHaveProperty('recording_path');
    expect(body.turns[1].text).toBe('Sure, it is <PHONE_NUMBER>.');
    expect(body.turns[3].text).toBe('My email is <EMAIL_ADDRESS>.');
    expect(body.findings).toHaveLength(findings.length);
    expect(body.findings[0]).not.toHaveProperty('text');
    expect(body.findings).toContainEqual(expect.objectContaining({ type: 'phone_number', turn: 1 }));
  });

  it('txt: one line per turn, [mm:ss] ROLE: text, redacted', async () => {
    const response = await app.api('/api/v1/calls/export-1/export?format=txt');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const lines = (await response.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(call.transcript.length);
    for (const line of lines) expect(line).toMatch(/^\[\d\d:\d\d\] (AGENT|USER): /);
    expect(lines[1]).toMatch(/USER: Sure, it is <PHONE_NUMBER>\.$/);
    for (const f of findings) expect(lines.join('\n')).not.toContain(f.text);
  });
});

describe('POST /api/v1/exports', () => {
  it('zips a selection: call.json, transcript.txt and audio.wav per call', async () => {
    const detail = await (await app.api('/api/v1/calls')).json();
    const shortIds = Object.fromEntries(detail.items.map((i: { external_id: string; id: string }) => [i.external_id, i.id]));
    expect(Object.keys(shortIds).length).toBe(2);
    const response = await postJson(app, '/api/v1/exports', { call_ids: ['export-1', 'export-2'], formats: ['json', 'txt'] });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const names = Object.keys(entries).sort();
    expect(names).toHaveLength(4);
    expect(names.filter((n) => n.endsWith('/call.json'))).toHaveLength(2);
    expect(names.filter((n) => n.endsWith('/transcript.txt'))).toHaveLength(2);
    for (const bytes of Object.values(entries)) for (const f of findings) expect(Buffer.from(bytes).toString('utf8')).not.toContain(f.text);

    const withAudio = await postJson(app, '/api/v1/exports', { call_ids: ['export-1'], formats: ['json', 'txt', 'wav'], mode: 'silence' });
    expect(withAudio.status).toBe(200);
    const files = unzipSync(new Uint8Array(await withAudio.arrayBuffer()));
    const wav = present(Object.entries(files).find(([name]) => name.endsWith('/audio.wav')), 'audio.wav in the zip')[1];
    const single = Buffer.from(await (await app.api('/api/v1/calls/export-1/export?format=wav&mode=silence')).arrayBuffer());
    expect(Buffer.from(wav).equals(single)).toBe(true);
  });

  it('refuses before sending anything: unknown calls, audio of a call without one, bad formats', async () => {
    const unknown = await postJson(app, '/api/v1/exports', { call_ids: ['export-1', 'nope'], formats: ['json'] });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toContain('"nope"');
    const noAudio = await postJson(app, '/api/v1/exports', { call_ids: ['export-2'], formats: ['wav'] });
    expect(noAudio.status).toBe(422);
    expect((await noAudio.json()).error.message).toMatch(/export-2 has no recording/);
    const bad = await postJson(app, '/api/v1/exports', { call_ids: ['export-1'], formats: ['pdf'] });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields[0].path).toMatch(/^formats/);
    expect((await postJson(app, '/api/v1/exports', { call_ids: [], formats: ['json'] })).status).toBe(422);
  });
});

describe('a selection where some calls have no audio', () => {
  it('exports the audio there is, and says in the call\'s folder why the rest is missing', async () => {
    const response = await postJson(app, '/api/v1/exports', { call_ids: ['export-1', 'export-2'], formats: ['wav'], mode: 'silence' });
    expect(response.status).toBe(200);
    const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const names = Object.keys(entries).sort();
    expect(names.filter((n) => n.endsWith('/audio.wav'))).toHaveLength(1);
    const note = present(Object.entries(entries).find(([name]) => name.endsWith('/audio-not-exported.txt')), 'audio-not-exported.txt in the zip')[1];
    expect(Buffer.from(note).toString('utf8')).toMatch(/export-2 has no recording on this machine/);
  });
});

describe('errors of the single export', () => {
  it('names what is wrong', async () => {
    expect((await app.api('/api/v1/calls/nope/export?format=json')).status).toBe(404);
    const noAudio = await app.api('/api/v1/calls/export-2/export?format=wav');
    expect(noAudio.status).toBe(422);
    expect((await noAudio.json()).error.message).toMatch(/no recording on this machine.*export json or txt/);
    const badFormat = await app.api('/api/v1/calls/export-1/export?format=mp3');
    expect(badFormat.status).toBe(422);
    expect((await badFormat.json()).error.fields[0].path).toBe('format');
    expect((await app.api('/api/v1/calls/export-1/export')).status).toBe(422);
    const badType = await app.api('/api/v1/calls/export-1/export?format=json&types=shoe_size');
    expect(badType.status).toBe(422);
    expect((await app.api('/api/v1/calls/export-1/export?format=wav&mode=loud')).status).toBe(422);
  });

  it('needs a key (the UI twins under /media take the session or the key), and leaves no temporary file behind', async () => {
    expect((await fetch(`${app.url}/api/v1/calls/export-1/export?format=json`)).status).toBe(401);
    expect((await fetch(`${app.url}/media/calls/export-1/export?format=json`)).status).toBe(401);
    const viaKey = await app.api('/media/exports?call_ids=export-1&formats=txt');
    expect(viaKey.status).toBe(200);
    expect(Object.keys(unzipSync(new Uint8Array(await viaKey.arrayBuffer())))).toHaveLength(1);
    const exportsDir = join(app.dataDir, 'media', 'exports');
    await waitFor(() => !existsSync(exportsDir) || readdirSync(exportsDir).length === 0, 'the temporary WAVs to be removed');
  });
});
