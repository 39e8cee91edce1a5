import type { ApiClient, ApiInput } from '../../core/api/contract';
import type { ApiEvents } from '../../core/api/types';
import type { ErrorBody } from '../../core/api/errors';
import type { DesktopBridge as DesktopBridgeOf } from '../../core/api/desktop-bridge';

/**
 * The renderer's only door to the backend. In the desktop app the preload exposes
 * `window.callscope` (IPC); in a browser against `callscope serve` the same calls go over
 * `POST /rpc/<method>` and events arrive as server-sent events. Both speak the one contract.
 */

type DesktopBridge = DesktopBridgeOf<File>;

declare global {
  interface Window {
    callscope?: DesktopBridge;
  }
}

export class ApiCallError extends Error {
  readonly code: string;
  readonly fields: ErrorBody['error']['fields'];
  constructor(body: ErrorBody) {
    super(body.error.message);
    this.name = 'ApiCallError';
    this.code = body.error.code;
    this.fields = body.error.fields;
  }
}

type Invoke = (method: string, input: unknown) => Promise<unknown>;
type Subscribe = (event: string, listener: (payload: unknown) => void) => () => void;

function desktopTransport(bridge: DesktopBridge): { invoke: Invoke; subscribe: Subscribe } {
  return {
    invoke: async (method, input) => {
      const result = await bridge.invoke(method, input);
      if (!result.ok) throw new ApiCallError(result);
      return result.value;
    },
    subscribe: (event, listener) => bridge.on(event, listener),
  };
}

function httpTransport(): { invoke: Invoke; subscribe: Subscribe } {
  let source: EventSource | null = null;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const ensureSource = (): EventSource => {
    if (source) return source;
    source = new EventSource('/rpc/events');
    // After a dropped connection, events may have been missed: tell everyone to refresh.
    let dropped = false;
    source.addEventListener('error', () => (dropped = true));
    source.addEventListener('open', () => {
      if (dropped) listeners.get('resync')?.forEach((l) => l({}));
      dropped = false;
    });
    return source;
  };
  return {
    invoke: async (method, input) => {
      const response = await fetch(`/rpc/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
      });
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        const fallback: ErrorBody = { error: { code: 'internal', message: `${method} failed with HTTP ${response.status}` } };
        throw new ApiCallError(isErrorBody(body) ? body : fallback);
      }
      return body;
    },
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      if (set.size === 0) {
        ensureSource().addEventListener(event, (message: MessageEvent<string>) => {
          const payload: unknown = JSON.parse(message.data);
          listeners.get(event)?.forEach((l) => l(payload));
        });
      }
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && 'error' in value;
}

const transport = typeof window !== 'undefined' && window.callscope ? desktopTransport(window.callscope) : httpTransport();

/**
 * Every method of the contract, with no list of their names here (that would pull zod into the
 * page): any property is a method that forwards to the transport, and the contract's types say
 * which exist and what goes in and comes out. Main refuses a name it does not know.
 */
function buildClient(invoke: Invoke): ApiClient {
  const methods: ApiClient = Object.create(null);
  return new Proxy(methods, {
    // not `then`: the client is no promise (a thenable would be awaited by whoever returns it from an async function)
    get: (_target, method) => (typeof method === 'string' && method !== 'then' ? (input: unknown) => invoke(method, input) : undefined),
  });
}

export const api: ApiClient = buildClient(transport.invoke);

/**
 * What the renderer hears: the API's events, and `resync`, said by the transport itself when its
 * event stream came back after a drop (events may have been missed: read again what is shown).
 */
export type ClientEvents = ApiEvents & { resync: Record<string, never> };

export function onApiEvent<E extends keyof ClientEvents>(event: E, listener: (payload: ClientEvents[E]) => void): () => void {
  return transport.subscribe(event, (payload) => listener(payload as ClientEvents[E]));
}

export const transportKind: 'desktop' | 'http' = typeof window !== 'undefined' && window.callscope ? 'desktop' : 'http';

/**
 * Desktop only: where a dropped or picked File lives on disk, granted to `importPaths` for this
 * session (null in a browser, which never tells).
 */
export async function grantFile(file: File): Promise<string | null> {
  const bridge = typeof window !== 'undefined' ? window.callscope : undefined;
  return bridge ? bridge.grantFile(file) : null;
}

/** Serve mode: streams one audio file to the listener, which attaches it by file stem. */
export async function uploadRecording(file: File): Promise<void> {
  const response = await fetch(`/api/v1/recordings?filename=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: file,
    credentials: 'same-origin',
  });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw new ApiCallError(isErrorBody(body) ? body : { error: { code: 'internal', message: `upload failed with HTTP ${response.status}` } });
  }
}

/** Where the renderer gets a call's recording and waveform: the desktop protocol or serve's routes. */
export function mediaUrls(callId: number): { audio: string; peaks: string } {
  return transportKind === 'desktop'
    ? { audio: `callscope-media://calls/${callId}/audio`, peaks: `callscope-media://calls/${callId}/peaks` }
    : { audio: `/media/calls/${callId}/audio`, peaks: `/media/calls/${callId}/peaks` };
}

/** A redacted export as a link (an anchor cannot send the API key, so these take the session). */
export interface ExportLinkOptions {
  formats: readonly ('json' | 'txt' | 'wav')[];
  types: readonly string[];
  mode: 'tone' | 'silence';
}

/**
 * One call's redacted export (a single format: that file; several: a zip), or a zip of several
 * calls: the desktop protocol or serve's routes, like mediaUrls.
 */
export function exportUrl(callIds: readonly number[], options: ExportLinkOptions): string {
  const base = transportKind === 'desktop' ? 'callscope-media://' : '/media/';
  const query = new URLSearchParams({ mode: options.mode });
  if (options.types.length > 0) query.set('types', options.types.join(','));
  const [only] = callIds;
  const [format] = options.formats;
  if (callIds.length === 1 && only !== undefined && options.formats.length === 1 && format) {
    query.set('format', format);
    return `${base}calls/${only}/export?${query}`;
  }
  query.set('call_ids', callIds.join(','));
  query.set('formats', options.formats.join(','));
  return `${base}exports?${query}`;
}

/** The list as CSV, every call of the view (the desktop protocol or serve's route, like exportUrl). */
export function callsCsvUrl(filter: ApiInput<'listCalls'>['filter'], sort: { column: string; direction: 'asc' | 'desc' }): string {
  const base = transportKind === 'desktop' ? 'callscope-media://calls.csv' : '/media/calls.csv';
  return `${base}?${new URLSearchParams({ filter: JSON.stringify(filter ?? {}), sort: `${sort.column}:${sort.direction}` })}`;
}

export interface WaveformPeaks {
  channels: Float32Array[];
  durationMs: number;
}

/** The precomputed waveform (float32 magnitudes, channel after channel). */
export async function fetchPeaks(callId: number): Promise<WaveformPeaks | null> {
  const response = await fetch(mediaUrls(callId).peaks, { credentials: 'same-origin' });
  if (!response.ok) return null;
  const count = Number(response.headers.get('x-channels') ?? '1');
  const durationMs = Number(response.headers.get('x-duration-ms') ?? '0');
  const all = new Float32Array(await response.arrayBuffer());
  const per = Math.floor(all.length / Math.max(1, count));
  return { channels: Array.from({ length: count }, (_, c) => all.subarray(c * per, (c + 1) * per)), durationMs };
}
