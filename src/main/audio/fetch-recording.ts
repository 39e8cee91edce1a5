import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { parseIp } from '../../core/address/ip';
import { isTrustedHost } from '../../core/address/trusted-hosts';
import { forbiddenAddressKind } from '../net/forbidden-addresses';
import { ForbiddenAddressError, guardedLookup } from '../net/guarded-lookup';
import { audioExtensionOf, contentTypeProblem, EXPECTED_AUDIO, SIGNATURE_BYTES } from './audio-signature';

/**
 * Fetches a remote recording into the media cache, once. A `recording_url` comes from whoever
 * posted the call, so the fetch is guarded like any server-side request made for a stranger:
 * http(s) only; this machine, private, link-local and metadata addresses refused (after DNS and
 * on every redirect, which are followed by hand) unless the user trusts the host; the body must be
 * audio by content type and first bytes before anything is written; a size cap that stops the
 * stream before the file grows past it; a deadline and an idle timeout. Errors say what went
 * wrong (offline, refused, too big, not audio) and never quote the body.
 */
export interface FetchOptions {
  maxBytes?: number;
  /** the whole fetch, first byte to last. */
  timeoutMs?: number;
  /** nothing received (connection, headers or body) for this long ends the fetch. */
  idleTimeoutMs?: number;
  /** Settings' trusted recording hosts: these may be on this machine or the LAN. */
  trustedHosts?: readonly string[];
  maxRedirects?: number;
  signal?: AbortSignal;
}

const DEFAULT_MAX = 1024 * 1024 * 1024;
const DEFAULT_TIMEOUT = 10 * 60_000;
const DEFAULT_IDLE_TIMEOUT = 30_000;
const DEFAULT_MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export class RecordingFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordingFetchError';
  }
}

const TRUST_HINT = 'add the host to "Trusted recording hosts" in Settings if it is your own server';

function describe(error: unknown, url: URL): string {
  const cause = error instanceof Error && 'cause' in error && error.cause instanceof Error ? error.cause : error;
  const code = cause instanceof Error && 'code' in cause ? String(cause.code) : '';
  if (['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'].includes(code)) {
    return `cannot reach ${url.host} (${code}): this machine seems to be offline or the host does not exist`;
  }
  if (code === 'ECONNREFUSED') return `${url.host} refused the connection`;
  if (code === 'ECONNRESET') return `${url.host} closed the connection`;
  // the HTTP parser's errors carry the raw bytes the server sent: name the problem only
  if (code.startsWith('HPE_')) return `${url.host} did not answer with valid HTTP (${code})`;
  if (code.startsWith('ERR_TLS') || code.includes('CERT')) return `the TLS connection to ${url.host} failed (${code})`;
  return `fetching from ${url.host} failed${code ? ` (${code})` : ''}`;
}

function parseTarget(text: string, from: URL | null): URL {
  let url: URL;
  try {
    url = from ? new URL(text, from) : new URL(text);
  } catch {
    throw new RecordingFetchError(from ? `${from.host} redirected to something that is not a URL` : `not a URL: ${text.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RecordingFetchError(`only http and https recordings can be fetched, not ${url.protocol}${from ? ` (${from.host} redirected there)` : ''}`);
  }
  return url;
}

/** Refuses an IP literal in a forbidden range up front: no lookup runs for a literal. */
function checkLiteral(url: URL, trusted: boolean, via: string): void {
  if (trusted) return;
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  if (!parseIp(hostname)) return;
  const kind = forbiddenAddressKind(hostname);
  if (kind) throw new RecordingFetchError(`refused to fetch the recording from ${url.host}${via}: ${hostname} is ${kind} address; ${TRUST_HINT}`);
}

function get(url: URL, trusted: boolean, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      {
        method: 'GET',
        signal,
        agent: false,
        headers: { accept: 'audio/*, application/octet-stream;q=0.5', 'user-agent': 'Callscope' },
        ...(trusted ? {} : { lookup: guardedLookup() }),
      },
      resolve,
    );
    request.on('error', reject);
    request.end();
  });
}

interface Guard {
  signal: AbortSignal;
  /** something arrived: restart the idle timer. */
  touch(): void;
}

/** Follows redirects by hand so that every hop passes the same checks as the first. */
async function openFollowingRedirects(first: URL, trustedHosts: readonly string[], maxRedirects: number, guard: Guard): Promise<{ response: IncomingMessage; url: URL }> {
  let url = first;
  for (let hop = 0; ; hop++) {
    const trusted = isTrustedHost(url.hostname, trustedHosts);
    const via = hop > 0 ? ` (redirected from ${first.host})` : '';
    checkLiteral(url, trusted, via);
    let response: IncomingMessage;
    try {
      response = await get(url, trusted, guard.signal);
    } catch (error) {
      if (error instanceof ForbiddenAddressError) {
        throw new RecordingFetchError(`refused to fetch the recording from ${url.host}${via}: it resolves to ${error.address}, ${error.kind} address; ${TRUST_HINT}`);
      }
      throw error;
    }
    guard.touch();
    const status = response.statusCode ?? 0;
    if (!REDIRECTS.has(status)) return { response, url };
    response.destroy();
    const location = response.headers.location;
    if (!location) throw new RecordingFetchError(`${url.host} answered HTTP ${status} without saying where to`);
    if (hop >= maxRedirects) throw new RecordingFetchError(`fetching from ${first.host} took more than ${maxRedirects} redirects`);
    url = parseTarget(location, url);
  }
}

async function writeAll(file: FileHandle, chunk: Buffer): Promise<void> {
  for (let offset = 0; offset < chunk.length; ) {
    const { bytesWritten } = await file.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
}

/**
 * Streams an audio body into `partial`: nothing is written until the first bytes are known audio,
 * and a chunk that would take the file past `maxBytes` ends the fetch instead of being written.
 */
async function storeAudio(response: IncomingMessage, url: URL, partial: string, maxBytes: number, touch: () => void): Promise<string> {
  let head = Buffer.alloc(0);
  let extension: string | null = null;
  let file: FileHandle | null = null;
  let written = 0;
  const notAudio = () => new RecordingFetchError(`${url.host} did not send audio: the body is no ${EXPECTED_AUDIO} file`);
  try {
    for await (const received of response) {
      touch();
      let chunk: Buffer = Buffer.isBuffer(received) ? received : Buffer.from(String(received));
      if (!file) {
        head = Buffer.concat([head, chunk]);
        if (head.length < SIGNATURE_BYTES) continue;
        extension = audioExtensionOf(head);
        if (!extension) throw notAudio();
        file = await open(partial, 'w', 0o600);
        chunk = head;
      }
      if (written + chunk.length > maxBytes) throw new RecordingFetchError(`the recording is over the ${maxBytes}-byte limit`);
      await writeAll(file, chunk);
      written += chunk.length;
    }
    if (!file) throw head.length === 0 ? new RecordingFetchError(`${url.host} sent an empty recording`) : notAudio();
    await file.close();
    file = null;
    return extension ?? '.bin';
  } catch (error) {
    response.destroy();
    await file?.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
}

export async function fetchRecording(urlText: string, cacheDir: string, name: string, options: FetchOptions = {}): Promise<string> {
  const url = parseTarget(urlText, null);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT;
  const idleMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT;
  const controller = new AbortController();
  const stop = (message: string) => controller.abort(new RecordingFetchError(message));
  const deadline = setTimeout(() => stop(`fetching ${url.host} timed out after ${timeoutMs} ms`), timeoutMs);
  let idle: NodeJS.Timeout | undefined;
  const touch = () => {
    clearTimeout(idle);
    idle = setTimeout(() => stop(`${url.host} sent nothing for ${idleMs} ms: the fetch timed out`), idleMs);
  };
  const cancel = () => stop('the fetch was cancelled');
  options.signal?.addEventListener('abort', cancel, { once: true });
  if (options.signal?.aborted) cancel();
  touch();
  try {
    const { response, url: finalUrl } = await openFollowingRedirects(url, options.trustedHosts ?? [], options.maxRedirects ?? DEFAULT_MAX_REDIRECTS, { signal: controller.signal, touch });
    controller.signal.addEventListener('abort', () => response.destroy(), { once: true });
    const status = response.statusCode ?? 0;
    if (status < 200 || status >= 300) {
      response.destroy();
      throw new RecordingFetchError(`${finalUrl.host} answered HTTP ${status} for the recording`);
    }
    const typeProblem = contentTypeProblem(response.headers['content-type']);
    const declared = Number(response.headers['content-length'] ?? 'NaN');
    if (typeProblem || declared > maxBytes) {
      response.destroy();
      throw new RecordingFetchError(typeProblem ?? `the recording is ${declared} bytes, over the ${maxBytes}-byte limit`);
    }
    await mkdir(cacheDir, { recursive: true });
    const partial = join(cacheDir, `${name}.part`);
    const extension = await storeAudio(response, finalUrl, partial, maxBytes, touch);
    const target = join(cacheDir, `${name}${extension}`);
    await rename(partial, target);
    return target;
  } catch (error) {
    if (controller.signal.reason instanceof RecordingFetchError) throw controller.signal.reason;
    if (error instanceof RecordingFetchError) throw error;
    throw new RecordingFetchError(describe(error, url));
  } finally {
    clearTimeout(deadline);
    clearTimeout(idle);
    options.signal?.removeEventListener('abort', cancel);
  }
}
