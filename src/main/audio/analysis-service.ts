import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnalysisService, StoreServices } from '../services';
import { getCall } from '../store/calls';
import { listTurns } from '../store/turns';
import { getAudioState, pendingAudio, putAudioState } from '../store/audio';
import { createHostLimiter } from '../net/host-limiter';
import { fetchRecording } from './fetch-recording';
import type { AnalyseRequest, AnalyseResponse, AudioWorkerSettings } from './messages';
import { storeAudioMetrics } from './store-results';

export const PEAKS_PER_SECOND = 100;

interface Job {
  callId: number;
  fetchRemote: boolean;
  /** the fetched recording, once a remote one is in the cache. */
  fetchedPath?: string;
  resolve(): void;
}

const FETCH_LIMITS = { total: 4, perHost: 2 };

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}

export interface AudioWorker extends AudioWorkerSettings {
  /** where the built worker script is. */
  path: () => string;
}

/**
 * Runs recording analyses one at a time in a worker thread: picks the recording (local file, or
 * the remote URL fetched into the media cache), sends it to the worker, and stores the speech
 * segments, the peaks file and the audio metrics. Progress is in `call_audio.status` and events.
 * Remote recordings are fetched beside the queue, a few at a time and at most two per host, so a
 * URL that hangs holds its own fetch and never the analyses of other calls.
 */
export function createAnalysisService(app: StoreServices, audioWorker: AudioWorker): AnalysisService {
  let worker: Worker | null = null;
  let nextJobId = 1;
  const waiting = new Map<number, (response: AnalyseResponse) => void>();
  const queue: Job[] = [];
  let running = false;
  // Set when the app shuts down: an analysis in flight must not touch the closed database.
  let closed = false;
  const fetchLimiter = createHostLimiter(FETCH_LIMITS);
  const fetches = new Set<AbortController>();
  const fetching = new Map<number, Promise<string>>();

  /** Analysis progress is its own event: the call's transcript and review did not change. */
  const announce = (callId: number) => {
    const status = getAudioState(app.db, callId)?.status;
    if (status) app.events.emit('audio.changed', { ids: [callId], status });
  };

  function ensureWorker(): Worker {
    if (worker) return worker;
    const started = new Worker(audioWorker.path(), { workerData: { energyOnly: audioWorker.energyOnly } satisfies AudioWorkerSettings });
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

  /** The recording on this machine, or the URL to fetch it from. */
  function recordingSource(callId: number, fetchRemote: boolean): { path: string } | { url: string } {
    const call = getCall(app.db, callId);
    if (!call) throw new Error(`call ${callId} no longer exists`);
    if (call.recording_path && existsSync(call.recording_path)) return { path: call.recording_path };
    const cached = getAudioState(app.db, callId)?.file_path;
    if (cached && existsSync(cached)) return { path: cached };
    const url = call.stereo_recording_url ?? call.recording_url;
    if (!url) throw new Error('this call has no recording (no file and no recording URL)');
    if (!fetchRemote) throw new Error('the recording is remote; fetch it first');
    return { url };
  }

  function startFetch(callId: number, url: string): Promise<string> {
    const controller = new AbortController();
    fetches.add(controller);
    const cacheDir = join(app.config.dataDir, 'media', 'cache');
    const fetched = fetchLimiter.run(
      hostOf(url),
      async () => {
        const call = getCall(app.db, callId);
        if (!call || closed) throw new Error(`call ${callId} no longer exists`);
        putAudioState(app.db, callId, { status: 'fetching', error: null });
        announce(callId);
        return fetchRecording(url, cacheDir, call.short_id, { trustedHosts: app.config.recordingFetchAllowHosts, signal: controller.signal });
      },
      controller.signal,
    );
    return fetched.finally(() => {
      fetches.delete(controller);
      fetching.delete(callId);
    });
  }

  /** Fetches beside the queue (once per call); the job rejoins the queue when its recording is in the cache. */
  function fetchThenQueue(job: Job, url: string): void {
    const fetched = fetching.get(job.callId) ?? startFetch(job.callId, url);
    fetching.set(job.callId, fetched);
    fetched.then(
      (path) => {
        if (closed) return job.resolve();
        putAudioState(app.db, job.callId, { status: 'fetching', file_path: path });
        queue.push({ ...job, fetchedPath: path });
        void drain();
      },
      (error: unknown) => {
        if (!closed) {
          putAudioState(app.db, job.callId, { status: 'failed', error: error instanceof Error ? error.message : String(error) });
          announce(job.callId);
        }
        job.resolve();
      },
    );
  }

  async function run(job: Job): Promise<void> {
    const { callId } = job;
    let handedToFetch = false;
    try {
      const source = job.fetchedPath && existsSync(job.fetchedPath) ? { path: job.fetchedPath } : recordingSource(callId, job.fetchRemote);
      if ('url' in source) {
        handedToFetch = true;
        fetchThenQueue(job, source.url);
        return;
      }
      const { path } = source;
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
      if (!handedToFetch) {
        if (!closed) announce(callId);
        job.resolve();
      }
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
      for (const fetch of fetches) fetch.abort();
      for (const job of queue.splice(0)) job.resolve();
      for (const [jobId, reply] of waiting) reply({ jobId, ok: false, error: 'the app is closing' });
      waiting.clear();
      await worker?.terminate();
      worker = null;
    },
  };
}
