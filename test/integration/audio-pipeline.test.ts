import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCall, scenario, type GeneratedCall } from '../support/audio-generate';
import { startTestApp, tempDir, type RunningTestApp } from '../support/temp-app';
import { waitFor } from '../support/wait-for';

/**
 * The whole path on generated recordings: upload -> worker thread -> stored segments, peaks and
 * metrics -> API, compared with the generator's truth.
 */
let app: RunningTestApp;
let audioDir: ReturnType<typeof tempDir>;
let overlaps: GeneratedCall;

beforeAll(async () => {
  audioDir = tempDir('callscope-audio-pipeline-');
  overlaps = await generateCall({ ...scenario('overlaps', 3), agentChannel: 1 }, audioDir.path);
  app = await startTestApp();
}, 60_000);
afterAll(async () => {
  await app.stop();
  audioDir.remove();
});

function cekuraTranscript(call: GeneratedCall) {
  return call.transcript.map((t) => ({ role: t.role === 'agent' ? 'Main Agent' : 'Testing Agent', content: t.text, start_time: t.start_ms / 1000, end_time: t.end_ms / 1000 }));
}

async function metricsWhenAnalysed(id: string) {
  return waitFor(async () => {
    const metrics = await (await app.api(`/api/v1/calls/${id}/metrics`)).json();
    if (metrics.audio?.status === 'failed') throw new Error(`analysis failed: ${metrics.audio.error}`);
    return metrics.audio?.status === 'done' ? metrics : null;
  }, `the analysis of ${id}`);
}

function nearest<T extends { at_ms: number }>(list: T[], at: number): T | undefined {
  return list.reduce<T | undefined>((best, x) => (best === undefined || Math.abs(x.at_ms - at) < Math.abs(best.at_ms - at) ? x : best), undefined);
}

describe('a recording uploaded with its call', () => {
  it('is analysed in the worker and its figures match the generator truth', async () => {
    const form = new FormData();
    form.set('call_id', 'audio-overlaps');
    form.set('transcript_type', 'cekura');
    form.set('transcript_json', JSON.stringify(cekuraTranscript(overlaps)));
    form.set('voice_recording', new Blob([readFileSync(overlaps.wavPath)], { type: 'audio/wav' }), 'call.wav');
    const response = await app.api('/observability/v1/observe/', { method: 'POST', body: form });
    expect(response.status).toBe(201);

    const metrics = await metricsWhenAnalysed('audio-overlaps');
    expect(metrics.audio).toMatchObject({ agent_channel: 1, agent_channel_reason: 'transcript', vad: 'silero+energy' });
    const truth = overlaps.truth;
    expect(metrics.latency_ms.audio.count).toBe(truth.latencies.length);
    for (const latency of truth.latencies) {
      const found = nearest<{ at_ms: number; ms: number }>(metrics.by_source.audio.latencies, latency.at_ms);
      expect(Math.abs((found?.ms ?? Infinity) - latency.ms), `latency at ${latency.at_ms}`).toBeLessThanOrEqual(80);
    }
    expect(metrics.interruptions.source).toBe('audio');
    expect(metrics.interruptions.user_interrupts_agent).toHaveLength(truth.user_interrupts_agent.length);
    expect(metrics.interruptions.agent_interrupts_user).toHaveLength(truth.agent_interrupts_user.length);
    for (const interruption of truth.user_interrupts_agent) {
      const found = nearest<{ at_ms: number; overlap_ms: number }>(metrics.interruptions.user_interrupts_agent, interruption.at_ms);
      expect(Math.abs((found?.at_ms ?? Infinity) - interruption.at_ms)).toBeLessThanOrEqual(80);
      expect(Math.abs((found?.overlap_ms ?? Infinity) - interruption.overlap_ms)).toBeLessThanOrEqual(120);
    }

    // issue 16: each overlap with its class; the generator's interrupted speaker yields overlap_ms after the start
    for (const interruption of truth.user_interrupts_agent) {
      const found = nearest<{ at_ms: number; class: string; yield_ms: number | null }>(metrics.overlaps, interruption.at_ms);
      expect(found?.class).toBe('barge_in');
      expect(Math.abs((found?.yield_ms ?? Infinity) - interruption.overlap_ms)).toBeLessThanOrEqual(60);
    }
    for (const interruption of truth.agent_interrupts_user) {
      expect(nearest<{ at_ms: number; class: string }>(metrics.overlaps, interruption.at_ms)?.class).toBe('agent_talk_over');
    }
    // issue 16: line quality per channel, whose channel it is, and the call's figures for the list
    const lines = metrics.audio.line_quality as { channel: number; speaker: string; snr_db: number; clipping_share: number; dead_air_ms: number }[];
    expect(lines.map((line) => [line.channel, line.speaker])).toEqual([[0, 'user'], [1, 'agent']]);
    for (const line of lines) {
      expect(line.snr_db).toBeGreaterThan(20); // espeak speech over a clean line
      expect(line.clipping_share).toBe(0);
    }
    const [row] = (await (await app.api('/rpc/listCalls', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ filter: { q: 'audio-overlaps' } }) })).json()).rows;
    expect(row).toMatchObject({ agent_snr_db: lines[1]?.snr_db, caller_snr_db: lines[0]?.snr_db, clipping_share: 0 });
    const list = await (await app.api('/api/v1/calls?q=audio-overlaps')).json();
    expect(list.items[0]).toMatchObject({ metrics_source: 'audio', interruption_count: truth.user_interrupts_agent.length + truth.agent_interrupts_user.length });
    const audio = app.core.db.prepare('SELECT peaks_path, peaks_per_second, duration_ms FROM call_audio').get() as { peaks_path: string; peaks_per_second: number; duration_ms: number };
    const peakBytes = readFileSync(audio.peaks_path).length;
    // two channels of min/max float32 pairs, peaks_per_second of them per second
    expect(peakBytes).toBeGreaterThanOrEqual(2 * 2 * 4 * Math.floor((audio.duration_ms / 1000) * audio.peaks_per_second));
    expect(Math.abs(audio.duration_ms - overlaps.durationMs)).toBeLessThanOrEqual(20);
  }, 60_000);

  it('attaches and analyses a recording dropped later by file stem', async () => {
    const call = await generateCall(scenario('slow-replies', 5), audioDir.path);
    const ingest = await app.api('/api/v1/observability/calls', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'slow-1', messages: call.transcript.map((t) => ({ role: t.role === 'agent' ? 'bot' : 'user', content: t.text, start_time: t.start_ms, end_time: t.end_ms })) }),
    });
    expect(ingest.status).toBe(201);
    const upload = await app.api('/api/v1/recordings?filename=slow-1.wav', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: readFileSync(call.wavPath) });
    expect(upload.status).toBe(201);
    const metrics = await metricsWhenAnalysed('slow-1');
    expect(metrics.audio.agent_channel).toBe(call.agentChannel);
    const slowest = Math.max(...call.truth.latencies.map((l) => l.ms));
    expect(Math.abs(metrics.latency_ms.audio.max - slowest)).toBeLessThanOrEqual(80);
    expect(metrics.latency_ms.transcript.max).toBe(Math.round(slowest));
  }, 60_000);

  it('marks a recording that is not audio as failed, with the reason, and keeps the call', async () => {
    await app.api('/api/v1/observability/calls', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'junk-1' }) });
    await app.api('/api/v1/recordings?filename=junk-1.wav', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: 'not a wav file at all' });
    const metrics = await waitFor(async () => {
      const m = await (await app.api('/api/v1/calls/junk-1/metrics')).json();
      return m.audio?.status === 'failed' ? m : null;
    }, 'the failed analysis');
    expect(metrics.audio.error).toMatch(/WAV|RIFF|not/i);
    expect((await app.api('/api/v1/calls/junk-1')).status).toBe(200);
  });
});
