import { ApiError } from '../api/errors';
import { emptyCallFacts, type NormalizedCall } from '../model/call';
import type { FormatModule } from './types';
import { detectTranscriptType, transcriptParsers, type TranscriptType } from './transcript-types';

/**
 * A bare transcript: a JSON array of turns in one of Cekura's transcript types, with no call around
 * it (what Cekura's docs show as `transcript_json`, what a user saves from a platform's console).
 * It is one call of the platform whose transcript it is, with no id, numbers or times of its own
 * (the store keys it by the content hash; the importer names it after its file).
 */
export const transcriptSourceFormat = (type: TranscriptType) => `${type}.transcript`;

const providerOf: Record<TranscriptType, string> = {
  cekura: 'cekura',
  vocera: 'cekura',
  vapi: 'vapi',
  retell: 'retell',
  elevenlabs: 'elevenlabs',
  bland: 'bland',
  deepgram: 'deepgram',
  livekit: 'livekit',
  pipecat: 'pipecat',
};

/** Names a transcript type for people: "a Retell transcript". */
export const transcriptLabels: Record<TranscriptType, string> = {
  cekura: 'Cekura',
  vocera: 'Vocera',
  vapi: 'Vapi',
  retell: 'Retell',
  elevenlabs: 'ElevenLabs',
  bland: 'Bland',
  deepgram: 'Deepgram',
  livekit: 'LiveKit',
  pipecat: 'Pipecat',
};

function normalizeTranscriptArray(type: TranscriptType, payload: unknown): NormalizedCall {
  if (!Array.isArray(payload)) {
    throw new ApiError('invalid_payload', `a bare ${transcriptLabels[type]} transcript is a JSON array of turns`, [{ path: '$', message: 'expected an array' }]);
  }
  const turns = transcriptParsers[type](payload, { callStartMs: null, path: '' });
  return { call: emptyCallFacts(providerOf[type], transcriptSourceFormat(type)), turns };
}

/** One module per platform, so a provider-specific route accepts its own platform's bare transcript. */
function transcriptArrayModule(type: TranscriptType): FormatModule {
  return {
    provider: providerOf[type],
    detect: (payload) => (detectTranscriptType(payload) === type ? transcriptSourceFormat(type) : null),
    normalize: (payload) => normalizeTranscriptArray(type, payload),
  };
}

/** Asked after every native format: a platform's own array shape (a Pipecat message list) wins. */
export const transcriptArrayFormats: readonly FormatModule[] = (['cekura', 'retell', 'vapi', 'elevenlabs', 'bland', 'deepgram', 'livekit', 'pipecat'] as const).map(
  transcriptArrayModule,
);
