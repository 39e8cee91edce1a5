import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ImportTarget } from '../app';
import { getCall } from '../store/calls';
import { listTurns } from '../store/turns';
import { getAudioState, pendingAudio, putAudioState } from '../store/audio';
import { fetchRecording } from './fetch-recording';
import type { AnalyseRequest, AnalyseResponse } from './messages';
import { storeAudioMetrics } from './store-results';

/**
 * Runs recording analyses one at a time in a worker thread: picks the recording (local file, or
 * the remote URL fetched into the media cache), sends it to the worker, and stores the speech
 * segments, the peaks file and the audio metrics. Progress is in `call_audio.status` and events.
 */
export interface AnalysisService {
  /** queues a call's recording; resolves when its analysis ended (done or failed). */
  analyse(callId: number, options?: { fetchRemote?: boolean }): Promise<void>;
  /** picks up analyses a previous run left unfinished. */
  resume(): void;
  close(): Promise<void>;
}

export const PEAKS_PER_SECOND = 100;

interface Job {
  callId: number;
  fetchRemote: boolean;
  resolve(): void;
}

export function createAnalysisService(app: ImportTarget, workerPath: () => string): AnalysisService {
  let worker: Worker | null = null;
  let nextJobId = 1;
  const waiting = new Map<number, (response: AnalyseResponse) => void>();
  const queue: Job[] = [];
  let running = false;
  // Set when the app shuts down: an analysis in flight must not touch the closed database.
  let closed = false;

  const announce = (callId: number) => app.events.emit('calls.changed', { ids: [callId], change: 'merged' });

  function ensureWorker(): Worker {
    if (worker) return worker;
    const started = new Worker(workerPath());
    started.on('message', (response: AnalyseResponse) => {
      waiting.get(response.jobId)?.(response);
      waiting.delete(response.jobId);
    });
    started.on('error', (error) => {
      for (const [jobId, reply] of waiting) reply({ jobId, ok: false, error: `the audio worker failed: ${error.message}` });
      waiting.clear();
      worker = null;
    });
    started.unref();
    worker = started;
    return started;
  }

  function runInWorker(request: Omit<AnalyseRequest, 'jobId'>): Promise<AnalyseResponse> {
    const jobId = nextJobId++;
    return new Promise((resolve) => {
      waiting.set(jobId, resolve);
      ensureWorker().postMessage({ ...request, jobId } satisfies AnalyseRequest);
    });
  }

  async function recordingFile(callId: number, fetchRemote: boolean): Promise<string> {
    const call = getCall(app.db, callId);
    if (!call) throw new Error(`call ${callId} no longer exists`);
    if (call.recording_path && existsSync(call.recording_path)) return call.recording_path;
    const cached = getAudioState(app.db, callId)?.file_path;
    if (cached && existsSync(cached)) return cached;
    const url = call.stereo_recording_url ?? call.recording_url;
    if (!url) throw new Error('this call has no recording (no file and no recording URL)');
    if (!fetchRemote) throw new Error('the recording is remote; fetch it first');
    putAudioState(app.db, callId, { status: 'fetching', error: null });
    announce(callId);
    const path = await fetchRecording(url, join(app.config.dataDir, 'media', 'cache'), call.short_id);
    putAudioState(app.db, callId, { status: 'fetching', file_path: path });
    return path;
  }

  async function run(job: Job): Promise<void> {
    const { callId } = job;
    try {
      const path = await recordingFile(callId, job.fetchRemote);
      if (closed) return;
      const call = getCall(app.db, callId);
      if (!call) return;
      putAudioState(app.db, callId, { status: 'analysing', error: null, file_path: path });
      announce(callId);
      const peaksDir = join(app.config.dataDir, 'media', 'peaks');
      await mkdir(peaksDir, { recursive: true });
      const peaksPath = join(peaksDir, `${call.short_id}.f32`);
      const turns = listTurns(app.db, callId);
      const agentTurns = turns.flatMap((t) => (t.role === 'agent' && t.start_ms !== null && t.end_ms !== null ? [{ start_ms: t.start_ms, end_ms: t.end_ms }] : []));
      const given = call.agent_channel === 0 || call.agent_channel === 1 ? call.agent_channel : null;
      const response = await runInWorker({ path, agentChannel: given, agentTurns, peaksPerSecond: PEAKS_PER_SECOND, peaksPath });
      if (closed) return;
      if (!response.ok) throw new Error(response.error);
      storeAudioMetrics(app.db, callId, response, turns, peaksPath, PEAKS_PER_SECOND);
    } catch (error) {
      if (!closed) putAudioState(app.db, callId, { status: 'failed', error: error instanceof Error ? error.message : String(error) });
    } finally {
      if (!closed) announce(callId);
      job.resolve();
    }
  }

  async function drain(): Promise<void> {
    if (running) return;
    running = true;
    try {
      for (let job = queue.shift(); job && !closed; job = queue.shift()) await run(job);
    } finally {
      running = false;
    }
  }

  return {
    analyse(callId, options = {}) {
      if (closed) return Promise.resolve();
      return new Promise<void>((resolve) => {
        putAudioState(app.db, callId, { status: 'queued', error: null });
        queue.push({ callId, fetchRemote: options.fetchRemote ?? false, resolve });
        announce(callId);
        void drain();
      });
    },
    resume() {
      for (const callId of pendingAudio(app.db)) {
        queue.push({ callId, fetchRemote: false, resolve: () => undefined });
      }
      void drain();
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.resolve();
      for (const [jobId, reply] of waiting) reply({ jobId, ok: false, error: 'the app is closing' });
      waiting.clear();
      await worker?.terminate();
      worker = null;
    },
  };
}
