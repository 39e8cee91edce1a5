import { expect, test } from './serve-fixture';
import { corpusFile } from './support/corpus';
import { CallsPage, ImportPanel } from './pages/calls-page';


function efficientCall(n: number) {
  return JSON.stringify({ id: `line-${n}`, provider_platform: 'retell', messages: [{ role: 'bot', content: `Hello from line ${n}` }] });
}

test('chosen files import with progress, a summary, and every failure with its reason', async ({ page, serve }) => {
  const calls = new CallsPage(page);
  const panel = new ImportPanel(page);
  await calls.open(serve.openUrl);
  await panel.choose([
    { name: 'vapi-call.json', mimeType: 'application/json', buffer: corpusFile('vapi/eocr_basic') },
    { name: 'batch.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from([efficientCall(1), '{"broken":', efficientCall(2), efficientCall(3)].join('\n')) },
    { name: 'error.json', mimeType: 'application/json', buffer: corpusFile('wrapped/error_not_found') },
  ]);
  await expect(panel.region).toContainText('Import finished');
  await expect(panel.region).toContainText('imported 4 · merged 0 · duplicates 0 · failed 2');
  await expect(panel.progress).toHaveAttribute('aria-valuenow', '100');
  await expect(panel.failures.getByRole('listitem')).toHaveCount(2);
  await expect(panel.failures).toContainText('batch.jsonl:2');
  await expect(panel.failures).toContainText('error envelope');
  await expect(calls.callRows()).toHaveCount(4);
  await page.screenshot({ path: 'test-results/screens/import-summary.png' });
});

test('files dropped on the window import, and the same files again are duplicates', async ({ page, serve }) => {
  const calls = new CallsPage(page);
  const panel = new ImportPanel(page);
  await calls.open(serve.openUrl);
  const files = [
    { name: 'retell.json', text: corpusFile('retell/get_call_web_unicode').toString() },
    { name: 'eleven.json', text: corpusFile('elevenlabs/get_conversation_german').toString() },
  ];
  await panel.drop(files);
  await expect(panel.region).toContainText('imported 2');
  await expect(calls.callRows()).toHaveCount(2);
  await panel.region.getByRole('button', { name: 'Dismiss' }).click();
  await panel.drop(files);
  await expect(panel.region).toContainText('imported 0 · merged 0 · duplicates 2 · failed 0');
});
