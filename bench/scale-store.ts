import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../src/main/app';
import { importPaths } from '../src/main/import/import-files';
import { seededRandom } from '../test/support/audio-generate/script-builder';

/**
 * A store of N generated calls for the scale figures (issues 14 and 18): seed-000 bodies with 4-9
 * turns, 20 agents, spread over 300 days, with varied reply gaps so the latency columns differ.
 * Building a million calls takes minutes, so the store is kept between runs (in
 * $CALLSCOPE_SCALE_DIR or ~/.cache/callscope) and rebuilt only when its recipe changes.
 */
const RECIPE_VERSION = 1;
const CALLS_PER_FILE = 100_000;
const DAY_MS = 86_400_000;

const agentLines = [
  'Thanks for calling, how can I help you today?',
  'I can see your order and the delivery window is between two and four this afternoon.',
  'Let me check that for you, one moment please.',
  'Your appointment is confirmed for Tuesday at ten in the morning.',
];
const callerLines = [
  'Hi, I need to change my delivery address.',
  'Can you confirm the address on file? I moved last month.',
  'I want to cancel my subscription please.',
  'Yes, that works for me, thank you.',
];

export function scaleCall(n: number, random: () => number, end: number): Record<string, unknown> {
  const turns = 4 + Math.floor(random() * 6);
  const started = end - Math.floor(random() * 300 * DAY_MS);
  let at = started + 500;
  const messages = Array.from({ length: turns }, (_, i) => {
    const agent = i % 2 === 0;
    const lines = agent ? agentLines : callerLines;
    const length = 1500 + Math.floor(random() * 3000);
    const message = { role: agent ? 'bot' : 'user', content: lines[Math.floor(random() * lines.length)] ?? '', start_time: at, end_time: at + length };
    // the next speaker's gap: agents answer in 300-2,300 ms (a long tail past 3 s now and then)
    const gap = agent ? 200 + Math.floor(random() * 600) : 300 + Math.floor(random() * 2000) + (random() < 0.02 ? 3000 : 0);
    at += length + gap;
    return message;
  });
  return {
    id: `scale-${n}`,
    agent_id: `agent-${n % 20}`,
    startedAt: new Date(started).toISOString(),
    endedAt: new Date(at).toISOString(),
    from_phone_number: `+1415555${String(n % 10_000).padStart(4, '0')}`,
    to_phone_number: '+18005550199',
    messages,
    endedReason: random() < 0.8 ? 'customer-ended-call' : 'assistant-ended-call',
    provider_platform: 'vapi',
  };
}

export function scaleStoreDir(calls: number): string {
  return join(process.env.CALLSCOPE_SCALE_DIR ?? join(homedir(), '.cache', 'callscope'), `scale-${calls}`);
}

export interface ScaleStore {
  dataDir: string;
  calls: number;
  /** seconds spent building it now; null when an earlier run's store was reused */
  builtSeconds: number | null;
}

/** The data folder of an N-call store, built now unless an earlier run left one with this recipe. */
export async function ensureScaleStore(calls: number, log: (line: string) => void = () => {}): Promise<ScaleStore> {
  const root = scaleStoreDir(calls);
  const dataDir = join(root, 'data');
  const marker = join(root, 'built.json');
  const recipe = { calls, version: RECIPE_VERSION };
  if (existsSync(marker) && JSON.stringify(JSON.parse(readFileSync(marker, 'utf8'))) === JSON.stringify(recipe)) {
    return { dataDir, calls, builtSeconds: null };
  }
  rmSync(root, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const started = performance.now();
  const random = seededRandom(18);
  const end = Date.UTC(2026, 10, 30);
  const app = openApp({ dataDir });
  try {
    for (let first = 0; first < calls; first += CALLS_PER_FILE) {
      const file = join(root, 'part.jsonl');
      const out = createWriteStream(file);
      for (let n = first; n < Math.min(calls, first + CALLS_PER_FILE); n++) {
        if (!out.write(`${JSON.stringify(scaleCall(n, random, end))}\n`)) await once(out, 'drain');
      }
      out.end();
      await once(out, 'finish');
      const summary = await importPaths(app, [file]);
      if (summary.failed > 0) throw new Error(`scale store: ${summary.failed} generated calls failed to import`);
      rmSync(file);
      log(`scale store: ${Math.min(calls, first + CALLS_PER_FILE).toLocaleString('en-US')} of ${calls.toLocaleString('en-US')} calls`);
    }
  } finally {
    app.close();
  }
  writeFileSync(marker, JSON.stringify(recipe));
  return { dataDir, calls, builtSeconds: (performance.now() - started) / 1000 };
}
