import { rm } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { cekuraBodyFromForm, normalizeCekura } from '../../../core/formats/cekura';
import { normalizeWithinLimits } from '../../../core/formats/limits';
import { callLogList } from '../../../core/present/cekura-call-log';
import { cekuraCallLogMetrics } from '../../../core/present/evaluations';
import type { AppCore } from '../../app';
import { dispatch } from '../../api/dispatch';
import { setRecordingPath } from '../../store/calls';
import { adoptRecording } from '../../media/recordings';
import { parseUrlEncodedFields, readMultipart } from '../form-body';
import { ingestRequest } from '../ingest-helpers';
import { readUploadWithin } from '../upload-deadline';
import { callIdFromParam, rawBodyOf } from '../route-helpers';
import { redactNormalizedCall, redactPayloadText } from '../../../core/pii/redact-call';
import { PII_TYPES, type PiiType } from '../../../core/pii/detectors';

/**
 * Seed 003: Cekura's observe endpoint (JSON, form or multipart with a `voice_recording` file) and
 * its raw LiveKit / Pipecat variants. Form parsing lives in this plugin only, so every other
 * route still answers 415 to a non-JSON body.
 */
const OBSERVE = '/observability/v1/observe/';

/** A stored call as Cekura's CallLogList, with its evaluators' results as `metrics` (or none). */
async function callLog(core: AppCore, id: number, withResults: boolean) {
  const { call, turns } = await dispatch(core.handlers, 'getCall', { id });
  return callLogList(call, turns, withResults ? cekuraCallLogMetrics(await dispatch(core.handlers, 'getCallEvaluations', { id })) : []);
}

export async function registerObserveRoutes(app: FastifyInstance, core: AppCore, uploadIdleMs: number): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(multipart);
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (request, body: Buffer, done) => {
      request.rawBody = body;
      try {
        done(null, cekuraBodyFromForm(parseUrlEncodedFields(body)));
      } catch (error) {
        done(error instanceof Error ? error : new Error(String(error)), undefined);
      }
    });
    const auth = { config: { auth: 'api-key' as const } };

    scope.post(OBSERVE, auth, async (request, reply) => {
      let recording: string | null = null;
      let body: unknown = request.body;
      if (request.isMultipart()) {
        const parsed = await readUploadWithin(request, reply, uploadIdleMs, () => readMultipart(core.config.dataDir, request));
        recording = parsed.recording;
        body = cekuraBodyFromForm(parsed.fields);
        request.rawBody = Buffer.from(JSON.stringify(parsed.fields));
      }
      try {
        let normalized = normalizeWithinLimits(body, normalizeCekura);
        let rawBody: Buffer | undefined;
        const redact = redactFieldsOf(normalized.call.extra);
        if (redact.length > 0) {
          // Asked for redaction: the transcript and the kept payload are stored redacted.
          const redacted = redactNormalizedCall(normalized, redact);
          normalized = redacted.call;
          rawBody = Buffer.from(redactPayloadText(rawBodyOf(request).toString('utf8'), redacted.spans));
        }
        const { call } = await ingestRequest(core, request, { route: OBSERVE, normalized, ...(rawBody ? { rawBody } : {}) });
        if (recording) {
          setRecordingPath(core.db, call.id, await adoptRecording(core.config.dataDir, recording, call.short_id));
          void core.audio.analyse(call.id);
        }
        return reply.code(201).send(await callLog(core, call.id, true));
      } catch (error) {
        if (recording) await rm(recording, { force: true });
        throw error;
      }
    });

    // The call log as Cekura reads it back: `status` says reviewed_success / reviewed_failure once marked.
    scope.get<{ Params: { id: string } }>('/observability/v1/call-logs/:id/', auth, async (request) => {
      return callLog(core, callIdFromParam(core, request.params.id), true);
    });

    for (const provider of ['livekit', 'pipecat'] as const) {
      const route = `/observability/v1/${provider}/observe/`;
      scope.post(route, auth, async (request, reply) => {
        const { call } = await ingestRequest(core, request, { route, providers: [provider] });
        return reply.code(201).send(await callLog(core, call.id, false));
      });
    }
  });
}

function redactFieldsOf(extra: Record<string, unknown> | null): PiiType[] {
  const asked = extra?.redact_fields;
  return Array.isArray(asked) ? PII_TYPES.filter((type) => asked.includes(type)) : [];
}
