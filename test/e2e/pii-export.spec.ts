import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { unzipSync } from 'fflate';
import type { GeneratedCall } from '../support/audio-generate';
import { decodeAudioFile, type DecodedAudio } from '../../src/main/audio/decode';
import { MASK_PAD_MS } from '../../src/core/redaction/mask-spans';
import { differingFrames, gapsBetween, measureSpan } from '../support/audio-measure';
import { generatePiiCall, piiCallPayload } from '../support/pii-call';
import { present } from '../support/present';
import { expect, test } from './serve-fixture';
import { CallsPage } from './pages/calls-page';
import { ReviewPage } from './pages/review-page';

interface Finding {
  type: string;
  text: string;
  start_ms: number;
  end_ms: number;
}

let audioDir = '';
let call: GeneratedCall;
let original: DecodedAudio;

test.beforeAll(async () => {
  audioDir = mkdtempSync(join(tmpdir(), 'callscope-e2e-pii-audio-'));
  call = await generatePiiCall(audioDir);
  original = await decodeAudioFile(call.wavPath);
});
test.afterAll(() => rmSync(audioDir, { recursive: true, force: true }));

/** Imports the call with its recording, waits for the analysis, and returns its findings. */
async function importPiiCall(request: APIRequestContext, base: string, key: string, id: string): Promise<Finding[]> {
  const headers = { 'X-API-KEY': key };
  expect((await request.post(`${base}/api/v1/observability/calls`, { headers, data: piiCallPayload(call, id) })).status()).toBe(201);
  const upload = await request.post(`${base}/api/v1/recordings?filename=${id}.wav`, { headers: { ...headers, 'content-type': 'application/octet-stream' }, data: readFileSync(call.wavPath) });
  expect(upload.status()).toBe(201);
  await expect.poll(async () => (await (await request.get(`${base}/api/v1/calls/${id}/metrics`, { headers })).json()).audio?.status, { timeout: 20_000 }).toBe('done');
  return (await (await request.get(`${base}/api/v1/calls/${id}/pii`, { headers })).json()).findings;
}

test('a call with spoken PII: findings shown, hidden in the redacted view, and the exported WAV is silent over them', async ({ page, serve }) => {
  const findings = await importPiiCall(page.request, serve.baseUrl, serve.apiKey, 'pii-export-1');
  // the spoken number and email at least (other detectors may find more, e.g. the practice's name)
  expect(findings.map((f) => f.type)).toEqual(expect.arrayContaining(['email_address', 'phone_number']));
  const calls = new CallsPage(page);
  const review = new ReviewPage(page);
  await calls.open(serve.openUrl);
  await calls.rowFor('pii-export-1').click();
  await expect(review.waveform).toHaveAttribute('data-status', 'ready');
  await review.showTab('PII');

  await expect(review.findings).toHaveCount(findings.length);
  await expect(review.findings.filter({ hasText: 'phone_number' })).toContainText('four one five five five five one two one two');
  await expect(review.transcript.locator('mark.pii-mark')).toHaveCount(findings.length);
  await review.redactedView.check();
  await expect(review.turns().nth(1)).toContainText('Sure, it is <PHONE_NUMBER>.');
  await expect(review.turns().nth(3)).toContainText('My email is <EMAIL_ADDRESS>.');
  for (const f of findings) {
    await expect(review.transcript).not.toContainText(f.text);
    await expect(review.piiPanel).not.toContainText(f.text);
  }

  const saved = await review.exportRedacted(['Audio (WAV)'], 'silence', join(audioDir, 'ui-export.wav'));
  expect(saved.suggestedName).toMatch(/^callscope-[\w-]+-redacted\.wav$/);
  const redacted = await decodeAudioFile(saved.path);
  expect(redacted.sampleRate).toBe(original.sampleRate);
  expect(redacted.channels.length).toBe(original.channels.length);
  for (const f of findings) {
    // the finding's own time span (the cover is padded past it) holds nothing at all
    const inside = measureSpan(redacted.channels, redacted.sampleRate, f.start_ms, f.end_ms);
    expect(inside.peak).toBe(0);
    expect(measureSpan(original.channels, original.sampleRate, f.start_ms, f.end_ms).rms).toBeGreaterThan(0.01);
  }
  const outside = gapsBetween(findings.map((f) => ({ start_ms: f.start_ms - MASK_PAD_MS, end_ms: f.end_ms + MASK_PAD_MS })), original.durationMs, 1);
  for (const gap of outside) expect(differingFrames(redacted.channels, original.channels, original.sampleRate, gap.start_ms, gap.end_ms)).toBe(0);

  // the text exports: the panel's filter shows only the email, the export still covers every type
  await review.piiPanel.getByLabel('PII type').selectOption('email_address');
  await expect(review.findings).toHaveCount(1);
  const json = await review.exportRedacted(['Redacted JSON'], 'a tone', join(audioDir, 'ui-export.json'));
  const document = JSON.parse(readFileSync(json.path, 'utf8'));
  expect(document.turns[3].text).toBe('My email is <EMAIL_ADDRESS>.');
  expect(document.turns[1].text).toBe('Sure, it is <PHONE_NUMBER>.');
});

test('the PII audio preview: mute is active while the playhead is inside a finding, and the tone export is toned there', async ({ page, serve }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));
  const findings = await importPiiCall(page.request, serve.baseUrl, serve.apiKey, 'pii-preview-1');
  const calls = new CallsPage(page);
  const review = new ReviewPage(page);
  await calls.open(serve.openUrl);
  await calls.rowFor('pii-preview-1').click();
  await expect(review.waveform).toHaveAttribute('data-status', 'ready');
  await review.showTab('PII');
  await expect(review.player).toHaveAttribute('data-pii-masking', 'off');

  // only the phone number: the preview covers what the panel shows
  await review.piiPanel.getByLabel('PII type').selectOption('phone_number');
  await expect(review.findings).toHaveCount(1);
  await review.piiAudio.selectOption('mute');
  await expect(review.player).toHaveAttribute('data-pii-audio', 'on');
  await expect(review.player).toHaveAttribute('data-pii-masking', 'idle');
  const phone = present(findings.find((f) => f.type === 'phone_number'), 'the phone number finding');
  // a few seconds before the number is spoken
  await review.findings.first().getByRole('button').click();
  // the click's seek lands first (the playhead inside the finding), else the key would step back from where it was
  await expect(review.player).toHaveAttribute('data-pii-masking', 'active');
  await page.keyboard.press('ArrowLeft');
  await expect(review.player).toHaveAttribute('data-pii-masking', 'idle');
  expect(await review.playheadMs()).toBeLessThan(phone.start_ms - 1000);
  await review.play.click();
  await expect(review.player).toHaveAttribute('data-pii-masking', 'active', { timeout: 10_000 });
  const activeAt = await review.playheadMs();
  expect(activeAt).toBeGreaterThanOrEqual(phone.start_ms - MASK_PAD_MS);
  expect(activeAt).toBeLessThanOrEqual(phone.end_ms + MASK_PAD_MS);
  await expect(review.player).toHaveAttribute('data-pii-masking', 'idle', { timeout: 15_000 });
  expect(await review.playheadMs()).toBeGreaterThanOrEqual(phone.end_ms + MASK_PAD_MS);
  await review.pause.click();
  expect(pageErrors).toEqual([]); // routing the element through Web Audio raised nothing

  // the keyboard cycles the preview: mute → off
  await page.keyboard.press('p');
  await expect(review.piiAudio).toHaveValue('off');
  await expect(review.player).toHaveAttribute('data-pii-masking', 'off');

  await review.piiPanel.getByLabel('PII type').selectOption('');
  const saved = await review.exportRedacted(['Audio (WAV)'], 'a tone', join(audioDir, 'ui-tone.wav'));
  const toned = await decodeAudioFile(saved.path);
  for (const f of findings) {
    const inside = measureSpan(toned.channels, toned.sampleRate, f.start_ms, f.end_ms);
    expect(inside.toneShare).toBeGreaterThan(0.98);
    expect(20 * Math.log10(inside.peak)).toBeGreaterThan(-13);
  }
});

test('ticked calls export as one zip: redacted JSON per call, and a note where a call has no audio', async ({ page, serve }) => {
  await importPiiCall(page.request, serve.baseUrl, serve.apiKey, 'pii-zip-1');
  const headers = { 'X-API-KEY': serve.apiKey };
  expect((await page.request.post(`${serve.baseUrl}/api/v1/observability/calls`, { headers, data: { id: 'pii-zip-2', messages: [{ role: 'user', content: 'my card is 4111 1111 1111 1111', start_time: 0, end_time: 3000 }] } })).status()).toBe(201);
  const calls = new CallsPage(page);
  await calls.open(serve.openUrl);
  for (const id of ['pii-zip-1', 'pii-zip-2']) await page.getByRole('checkbox', { name: `Select ${id}` }).check();
  await page.getByRole('toolbar', { name: 'Ticked calls' }).getByRole('button', { name: 'Export redacted…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export redacted' });
  await dialog.getByLabel('Audio (WAV)').setChecked(true);
  await dialog.getByLabel('silence').check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  const file = await download;
  const saved = join(audioDir, 'selection.zip');
  await file.saveAs(saved);
  const entries = unzipSync(new Uint8Array(readFileSync(saved)));
  const names = Object.keys(entries);
  expect(names.filter((n) => n.endsWith('/call.json'))).toHaveLength(2);
  expect(names.filter((n) => n.endsWith('/audio.wav'))).toHaveLength(1);
  expect(names.filter((n) => n.endsWith('/audio-not-exported.txt'))).toHaveLength(1);
  for (const bytes of Object.values(entries)) expect(Buffer.from(bytes).toString('latin1')).not.toContain('4111 1111 1111 1111');
});
