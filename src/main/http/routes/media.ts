import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../../core/api/errors';
import type { AppCore } from '../../app';
import { peaksFileOf, recordingFileOf } from '../../media/call-media';
import { readPeakMagnitudes } from '../../media/peaks';
import { sendFileRange } from '../../media/range';
import { getAudioState } from '../../store/audio';
import { callFromParam } from '../route-helpers';

/**
 * Serve mode's media: `GET /media/calls/{id}/audio` (Range requests, so seeking never downloads
 * the whole file) and `GET /media/calls/{id}/peaks` (the precomputed waveform: float32 magnitudes,
 * channel after channel; the count and duration in headers). The desktop app serves the same files
 * through its `callscope-media:` protocol.
 */
export function registerMediaRoutes(app: FastifyInstance, core: AppCore): void {
  const session = { config: { auth: 'session' as const } };

  app.get<{ Params: { id: string } }>('/media/calls/:id/audio', session, async (request, reply) => {
    const call = callFromParam(core, request.params.id);
    const path = recordingFileOf(core.db, call);
    if (!path) throw new ApiError('not_found', `call ${request.params.id} has no recording on this machine`);
    return sendFileRange(reply, path, request.headers.range);
  });

  app.get<{ Params: { id: string } }>('/media/calls/:id/peaks', session, async (request, reply) => {
    const call = callFromParam(core, request.params.id);
    const path = peaksFileOf(core.db, call.id);
    const state = getAudioState(core.db, call.id);
    if (!path || !state) throw new ApiError('not_found', `call ${request.params.id} has no waveform yet (the recording is not analysed)`);
    const channels = state.channel_count ?? 1;
    const body = await readPeakMagnitudes(path, channels);
    return reply
      .header('content-type', 'application/octet-stream')
      .header('x-channels', String(channels))
      .header('x-duration-ms', String(state.duration_ms ?? 0))
      .header('x-peaks-per-second', String(state.peaks_per_second ?? 0))
      .header('cache-control', 'no-store')
      .send(body);
  });
}
