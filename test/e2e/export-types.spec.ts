import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './serve-fixture';
import { CallsPage } from './pages/calls-page';
import { ReviewPage } from './pages/review-page';
import { postCall } from './support/post-call';

let saveDir = '';
test.beforeAll(() => (saveDir = mkdtempSync(join(tmpdir(), 'callscope-e2e-export-types-'))));
test.afterAll(() => rmSync(saveDir, { recursive: true, force: true }));

const PHONE = '415 555 1212';
const CARD = '4111 1111 1111 1111';

test('the redacted export covers every type found, whatever the panel filter; what the user unticks is named before the file is written', async ({ page, serve }) => {
  await postCall(page.request, serve, {
    id: 'leaky-export',
    startedAt: '2026-06-04T10:00:00Z',
    messages: [
      { role: 'bot', content: 'Can I have your name please?', start_time: 0, end_time: 2000 },
      { role: 'user', content: 'My name is Xiomara Vega.', start_time: 2500, end_time: 4500 },
      { role: 'bot', content: 'And the best number to reach you?', start_time: 5000, end_time: 7000 },
      { role: 'user', content: `It is ${PHONE}.`, start_time: 7500, end_time: 10000 },
      { role: 'bot', content: 'And the card you want to use?', start_time: 10500, end_time: 12000 },
      { role: 'user', content: `Card ${CARD} please.`, start_time: 12500, end_time: 16000 },
    ],
  });
  const calls = new CallsPage(page);
  const review = new ReviewPage(page);
  await calls.open(serve.openUrl);
  await calls.rowFor('leaky-export').click();
  await review.showTab('PII');
  await review.piiPanel.getByLabel('PII type').selectOption('person_name');
  await expect(review.findings).toHaveCount(1);

  // filtered to names, the export still redacts the phone and the card
  const first = await review.exportRedacted(['Redacted JSON'], 'a tone', join(saveDir, 'all.json'));
  const all = readFileSync(first.path, 'utf8');
  for (const secret of ['Xiomara', PHONE, CARD]) expect(all).not.toContain(secret);

  // the dialog lists what it will redact, all ticked; unticking one says what stays in clear
  await review.exportButton.click();
  const redact = review.exportDialog.getByRole('group', { name: 'Redact' });
  for (const type of ['person name', 'phone number', 'credit card']) await expect(redact.getByRole('checkbox', { name: type })).toBeChecked();
  await expect(review.exportDialog.getByRole('alert')).toHaveCount(0);
  await redact.getByRole('checkbox', { name: 'phone number' }).uncheck();
  await expect(review.exportDialog.getByRole('alert')).toHaveText('Left in clear in the exported files: phone number (1).');
  for (const name of ['Redacted JSON', 'Transcript text', 'Audio (WAV)'] as const) {
    const box = review.exportDialog.getByLabel(name);
    if (await box.isEnabled()) await box.setChecked(name === 'Redacted JSON');
  }
  const download = page.waitForEvent('download');
  await review.exportDialog.getByRole('button', { name: 'Download' }).click();
  const file = await download;
  await file.saveAs(join(saveDir, 'phone-kept.json'));
  const kept = readFileSync(join(saveDir, 'phone-kept.json'), 'utf8');
  expect(kept).toContain(PHONE);
  for (const secret of ['Xiomara', CARD]) expect(kept).not.toContain(secret);
});
