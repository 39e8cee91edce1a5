import { rm } from 'node:fs/promises';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../../core/api/errors';
import { checkJsonDepth, MAX_JSON_DEPTH } from '../../core/json/depth';
import { receiveRecording } from '../media/recordings';

/**
 * Form and multipart bodies (Cekura's observe endpoint): fields into memory, the one recording
 * streamed to disk. Fields are held to the rules JSON bodies follow: at most 64 of them, no name
 * that is an Object property (`__proto__`), and no value nesting deeper than 256 levels (a field
 * such as `metadata` or `transcript_json` is decoded as JSON later).
 */
export type FormFields = Record<string, string | string[]>;

export const MAX_FORM_FIELDS = 64;
export const MAX_RECORDING_BYTES = 1024 * 1024 * 1024;
const MAX_FIELD_BYTES = 16 * 1024 * 1024;
const RECORDING_FIELD = 'voice_recording';

function tooManyFields(): ApiError {
  return new ApiError('payload_too_large', `the form has more than ${MAX_FORM_FIELDS} fields`);
}

function forbiddenName(name: string): ApiError {
  return new ApiError('bad_request', `form field name "${name}" is not allowed (it names an Object property)`, [
    { path: name, message: 'reserved name' },
  ]);
}

/** Adds one field, refusing what a JSON body could not carry either. */
export function addField(fields: FormFields, name: string, value: string): void {
  if (name in Object.prototype) throw forbiddenName(name);
  const depth = checkJsonDepth(value, MAX_JSON_DEPTH);
  if (!depth.ok) {
    throw new ApiError('invalid_payload', `form field "${name}" nests deeper than ${MAX_JSON_DEPTH} levels (at character ${depth.offset})`, [
      { path: name, message: `nesting deeper than ${MAX_JSON_DEPTH} levels` },
    ]);
  }
  const existing = Object.hasOwn(fields, name) ? fields[name] : undefined;
  if (existing === undefined && Object.keys(fields).length >= MAX_FORM_FIELDS) throw tooManyFields();
  fields[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
}

export function parseUrlEncodedFields(body: Buffer): FormFields {
  const fields: FormFields = {};
  let count = 0;
  for (const [key, value] of new URLSearchParams(body.toString('utf8'))) {
    if (++count > MAX_FORM_FIELDS) throw tooManyFields();
    addField(fields, key, value);
  }
  return fields;
}

/** The multipart plugin's and busboy's errors, named for the client. */
function multipartError(error: unknown): unknown {
  if (error instanceof ApiError || !(error instanceof Error)) return error;
  const code = 'code' in error ? String(error.code) : '';
  if (code === 'FST_PROTO_VIOLATION') return forbiddenName('__proto__');
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') return tooManyFields();
  if (code === 'FST_FILES_LIMIT') return new ApiError('bad_request', `send one ${RECORDING_FIELD} file`);
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new ApiError('payload_too_large', `${RECORDING_FIELD} is larger than ${MAX_RECORDING_BYTES} bytes`);
  if (code === '' && /^(Multipart|Malformed|Unexpected end of form|Part terminated early)/i.test(error.message)) {
    return new ApiError('bad_request', `the multipart body is malformed: ${error.message}`);
  }
  return error;
}

/** Only one file is taken: the recording, once. */
function fileRefusal(fieldname: string, haveRecording: boolean): ApiError | null {
  if (fieldname !== RECORDING_FIELD) {
    return new ApiError('invalid_payload', `unexpected file field "${fieldname}" (send the audio as ${RECORDING_FIELD})`, [
      { path: fieldname, message: 'unexpected file' },
    ]);
  }
  if (haveRecording) {
    return new ApiError('bad_request', `more than one ${RECORDING_FIELD} part: send one recording per call`, [{ path: RECORDING_FIELD, message: 'sent twice' }]);
  }
  return null;
}

function hasBoundary(request: FastifyRequest): boolean {
  return /;\s*boundary=("[^"]+"|[^;\s]+)/i.test(request.headers['content-type'] ?? '');
}

/** Reads a multipart body: fields into memory, the recording streamed to a temporary file. */
export async function readMultipart(dataDir: string, request: FastifyRequest): Promise<{ fields: FormFields; recording: string | null }> {
  if (!hasBoundary(request)) {
    throw new ApiError('bad_request', 'multipart/form-data without a boundary: the Content-Type must carry boundary=...');
  }
  const fields: FormFields = {};
  let recording: string | null = null;
  try {
    const limits = { fileSize: MAX_RECORDING_BYTES, fields: MAX_FORM_FIELDS, parts: MAX_FORM_FIELDS + 1, fieldSize: MAX_FIELD_BYTES };
    for await (const part of request.parts({ limits })) {
      if (part.type === 'field') {
        addField(fields, part.fieldname, String(part.value));
        continue;
      }
      const refusal = fileRefusal(part.fieldname, recording !== null);
      if (refusal) {
        part.file.resume();
        throw refusal;
      }
      recording = await receiveRecording(dataDir, part.file, part.filename);
      if (part.file.truncated) throw new ApiError('payload_too_large', `${RECORDING_FIELD} is larger than ${MAX_RECORDING_BYTES} bytes`);
    }
  } catch (error) {
    if (recording) await rm(recording, { force: true });
    throw multipartError(error);
  }
  return { fields, recording };
}
