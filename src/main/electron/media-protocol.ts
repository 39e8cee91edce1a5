import { pathToFileURL } from 'node:url';
import { net, protocol, type CustomScheme } from 'electron';
import type { AppCore } from '../app';
import { peaksFileOf, recordingFileOf } from '../media/call-media';
import { readPeakMagnitudes } from '../media/peaks';
import { getAudioState } from '../store/audio';
import { getCall } from '../store/calls';
import { exportResponse } from './export-protocol';
import { mediaCorsOrigin } from './policy';

/**
 * `callscope-media://calls/<id>/audio` and `.../peaks`: the desktop twin of serve mode's
 * `/media/...` routes. Audio goes through Electron's file fetch, which answers Range requests.
 */
export const MEDIA_SCHEME = 'callscope-media';

/** Registered with the app scheme in one call (app-protocol.ts), before the app is ready. */
export const MEDIA_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: MEDIA_SCHEME,
  privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true, corsEnabled: true },
};

export function handleMediaProtocol(core: AppCore, appOrigin: string): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host === 'exports' || /^\/\d+\/export$/.test(url.pathname)) return exportResponse(core, url);
    const [, id, kind] = /^\/(\d+)\/(audio|peaks)$/.exec(url.pathname) ?? [];
    const call = url.host === 'calls' && id ? getCall(core.db, Number(id)) : null;
    if (!call) return new Response('not found', { status: 404 });
    if (kind === 'audio') {
      const path = recordingFileOf(core.db, call);
      if (!path) return new Response('no recording', { status: 404 });
      // The PII audio preview routes the element through Web Audio, which plays cross-origin media
      // silently unless the response allows the page's origin (the element asks with crossorigin):
      // that origin only, never `*`.
      const file = await net.fetch(pathToFileURL(path).toString(), { headers: request.headers });
      const headers = new Headers(file.headers);
      const allowed = mediaCorsOrigin(request.headers.get('origin'), appOrigin);
      if (allowed) headers.set('access-control-allow-origin', allowed);
      headers.set('vary', 'origin');
      return new Response(file.body, { status: file.status, statusText: file.statusText, headers });
    }
    const path = peaksFileOf(core.db, call.id);
    const state = getAudioState(core.db, call.id);
    if (!path || !state) return new Response('no waveform yet', { status: 404 });
    const body = await readPeakMagnitudes(path, state.channel_count ?? 1);
    return new Response(new Uint8Array(body), {
      headers: {
        'content-type': 'application/octet-stream',
        'x-channels': String(state.channel_count ?? 1),
        'x-duration-ms': String(state.duration_ms ?? 0),
        'x-peaks-per-second': String(state.peaks_per_second ?? 0),
      },
    });
  });
}
