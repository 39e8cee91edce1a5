import type { ProviderEvaluation, Turn } from '../../src/core/model/call';
import type { CorpusCase } from './corpus';

/** The test signing secrets named in the corpus `.headers.json` notes. */
export const corpusSecrets = {
  CALLSCOPE_RETELL_SECRET: 'key_corpus_test_not_real',
  CALLSCOPE_ELEVENLABS_SECRET: 'wsec_corpus_test_not_real',
  CALLSCOPE_BLAND_SECRET: 'bland_whsec_corpus_test_not_real',
  CALLSCOPE_VAPI_SECRET: 'corpus-test-secret-not-real',
};

/** The listener route each provider's payloads are sent to, as that platform would. */
export function nativeRoute(corpusCase: CorpusCase): string {
  switch (corpusCase.provider) {
    case 'efficientai':
      return '/api/v1/observability/calls';
    case 'cekura':
      return '/observability/v1/observe/';
    case 'livekit':
      return '/observability/v1/livekit/observe/';
    case 'pipecat':
      return '/observability/v1/pipecat/observe/';
    case 'vapi':
    case 'retell':
    case 'elevenlabs':
    case 'bland':
      return corpusCase.headers ? `/webhooks/${corpusCase.provider}` : '/api/v1/import';
    default:
      return '/api/v1/import';
  }
}

/** The instant a signed payload was signed at, so the verifier's clock can be pinned to it. */
export function signedAt(corpusCase: CorpusCase): number | null {
  const headers = corpusCase.headers?.headers ?? {};
  const retell = /v=(\d+)/.exec(headers['x-retell-signature'] ?? '')?.[1];
  if (retell) return Number(retell);
  const eleven = /t=(\d+)/.exec(headers['ElevenLabs-Signature'] ?? '')?.[1];
  if (eleven) return Number(eleven) * 1000;
  return null;
}

/** Rebuilds the normalized call from what the read API returns (GET /api/v1/calls/{id} + /transcript). */
export function callFromApi(detail: Record<string, unknown>) {
  const str = (key: string) => (detail[key] ?? null) as string | null;
  return {
    provider: String(detail.provider),
    source_format: String(detail.source_format),
    external_id: str('external_id'),
    platform: String(detail.platform),
    agent_id: str('agent_id'),
    direction: str('direction'),
    from_number: str('from_number'),
    to_number: str('to_number'),
    customer_number: str('customer_number'),
    started_at: str('started_at'),
    ended_at: str('ended_at'),
    duration_s: (detail.duration_seconds ?? null) as number | null,
    status: str('provider_status'),
    end_reason: str('end_reason'),
    recording_url: str('recording_url'),
    stereo_recording_url: str('stereo_recording_url'),
    agent_channel: (detail.agent_channel ?? null) as number | null,
    metadata: (detail.metadata ?? null) as Record<string, unknown> | null,
    dynamic_variables: (detail.dynamic_variables ?? null) as Record<string, unknown> | null,
    cost_usd: (detail.cost_usd ?? null) as number | null,
    provider_metrics: (detail.provider_metrics ?? null) as Record<string, unknown> | null,
    provider_evaluations: (detail.provider_evaluations ?? null) as ProviderEvaluation[] | null,
    extra: (detail.extra ?? null) as Record<string, unknown> | null,
  };
}

const roleOf = { assistant: 'agent', user: 'user', tool: 'tool' } as const;

/** An entry whose role is none of ours is a turn of an unknown speaker: role `other`, its name kept. */
export function turnsFromApi(transcript: Record<string, unknown>[]): Turn[] {
  return transcript.map((entry) => ({
    idx: Number(entry.idx),
    role: roleOf[entry.role as keyof typeof roleOf] ?? 'other',
    ...(typeof entry.raw_role === 'string' ? { raw_role: entry.raw_role } : {}),
    ...(typeof entry.original_bytes === 'number' ? { original_bytes: entry.original_bytes } : {}),
    text: String(entry.content),
    start_ms: (entry.start_ms ?? null) as number | null,
    end_ms: (entry.end_ms ?? null) as number | null,
    words: (entry.words ?? null) as Turn['words'],
    tool: (entry.tool ?? null) as Turn['tool'],
    interrupted: (entry.interrupted ?? null) as boolean | null,
    agent_name: (entry.agent_name ?? null) as string | null,
  }));
}
