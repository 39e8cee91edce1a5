import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audibleReplies } from '../../bench/audible-truth';
import { applyLine, CLEAN_LINE, generateCall, scenario, type GeneratedCall, type LineCondition } from '../support/audio-generate';

/*
 * The bench's second ruler (bench/audible-truth.ts): reply latencies between the edges where the
 * speech the line carries is over the line's noise. It must agree with the generator's truth on a
 * clean line and lie inside it on a noisy one.
 */
let dir = '';
let call: GeneratedCall;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'callscope-audible-'));
  call = await generateCall({ ...scenario('basic', 2), agentChannel: 1 }, dir);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function replies(line: LineCondition) {
  const delivered = await applyLine(call, line, dir);
  return { delivered, audible: await audibleReplies(delivered, call, line, dir) };
}

describe('the audible truth', () => {
  it('is the generator\'s truth on a clean line, to the 5 ms part', async () => {
    const { delivered, audible } = await replies(CLEAN_LINE);
    expect(audible.map((r) => r.at_ms)).toEqual(delivered.truth.latencies.map((r) => r.at_ms));
    audible.forEach((reply, i) => expect(Math.abs(reply.ms - (delivered.truth.latencies[i]?.ms ?? 0))).toBeLessThanOrEqual(10));
  }, 60_000);

  it('moves edges buried in line noise inward, never outward', async () => {
    const line: LineCondition = { ...CLEAN_LINE, name: '8k µ-law, pink -36', coding: 'mulaw', sampleRate: 8000, noise: { kind: 'pink', db: -36 } };
    const { delivered, audible } = await replies(line);
    expect(audible.length).toBeGreaterThan(0);
    const longer = audible.filter((reply) => {
      const truth = delivered.truth.latencies.find((r) => r.at_ms === reply.at_ms);
      expect(truth).toBeDefined();
      // the audible reply starts no earlier and follows a caller end no later: it is never shorter
      expect(reply.ms).toBeGreaterThanOrEqual((truth?.ms ?? 0) - 0.001);
      return reply.ms > (truth?.ms ?? 0) + 20;
    });
    // under -36 dBFS of noise some edges are inaudible by tens of milliseconds
    expect(longer.length).toBeGreaterThan(0);
  }, 60_000);
});
