import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Fetches a remote recording into the media cache, once: http(s) only, a size cap, a timeout,
 * and errors that say what went wrong (offline, refused, too big, not audio).
 */
export interface FetchOptions {
  maxBytes?: number;
  timeoutMs?: number;
}

const DEFAULT_MAX = 1024 * 1024 * 1024;
const DEFAULT_TIMEOUT = 120_000;

export class RecordingFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordingFetchError';
  }
}

function extensionOf(url: URL, contentType: string | null): string {
  const fromPath = extname(url.pathname).toLowerCase();
  if (['.wav', '.mp3', '.ogg', '.flac', '.m4a', '.webm', '.opus'].includes(fromPath)) return fromPath;
  if (contentType?.includes('mpeg')) return '.mp3';
  if (contentType?.includes('wav')) return '.wav';
  return '.bin';
}

function describe(error: unknown, url: URL): string {
  const cause = error instanceof Error && 'cause' in error && error.cause instanceof Error ? error.cause : error;
  const code = cause instanceof Error && 'code' in cause ? String(cause.code) : '';
  if (['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'].includes(code)) {
    return `cannot reach ${url.host} (${code}): this machine seems to be offline or the host does not exist`;
  }
  if (code === 'ECONNREFUSED') return `${url.host} refused the connection`;
  return cause instanceof Error ? cause.message : String(cause);
}

export async function fetchRecording(urlText: string, cacheDir: string, name: string, options: FetchOptions = {}): Promise<string> {
  let url: URL;
  try {
    url = new URL(urlText);
  } catch {
    throw new RecordingFetchError(`not a URL: ${urlText}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RecordingFetchError(`only http and https recordings can be fetched, not ${url.protocol}`);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX;
  await mkdir(cacheDir, { recursive: true });
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT), redirect: 'follow' });
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') throw new RecordingFetchError(`fetching ${url.host} timed out after ${options.timeoutMs ?? DEFAULT_TIMEOUT} ms`);
    throw new RecordingFetchError(describe(error, url));
  }
  if (!response.ok || !response.body) throw new RecordingFetchError(`${url.host} answered HTTP ${response.status} for the recording`);
  const declared = Number(response.headers.get('content-length') ?? 'NaN');
  if (declared > maxBytes) throw new RecordingFetchError(`the recording is ${declared} bytes, over the ${maxBytes}-byte limit`);
  const target = join(cacheDir, `${name}${extensionOf(url, response.headers.get('content-type'))}`);
  const partial = `${target}.part`;
  let received = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > maxBytes) done(new RecordingFetchError(`the recording is over the ${maxBytes}-byte limit`));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(response.body), cap, createWriteStream(partial));
  } catch (error) {
    await rm(partial, { force: true });
    if (error instanceof RecordingFetchError) throw error;
    if (error instanceof Error && error.name === 'TimeoutError') throw new RecordingFetchError(`fetching ${url.host} timed out`);
    throw new RecordingFetchError(describe(error, url));
  }
  if ((await stat(partial)).size === 0) {
    await rm(partial, { force: true });
    throw new RecordingFetchError(`${url.host} sent an empty recording`);
  }
  await rename(partial, target);
  return target;
}
