import type { ListenerInfo } from '../../core/api/types';

export const INGEST_PATH = '/api/v1/observability/calls';

const sampleCall = {
  id: 'test-call-001',
  startedAt: '2025-10-15T09:22:21.787Z',
  endedAt: '2025-10-15T09:22:41.000Z',
  messages: [
    { role: 'bot', content: 'Hi there, how can I help you today?', start_time: 1760520142852, end_time: 1760520145842 },
    { role: 'user', content: 'I need to schedule an appointment.', start_time: 1760520147392, end_time: 1760520150012 },
  ],
};

/** Where the key goes in the curl command; the UI puts the key there once the user reveals it. */
export const API_KEY_PLACEHOLDER = '$CALLSCOPE_API_KEY';

/** A curl command a user can paste (with the key revealed, or CALLSCOPE_API_KEY set) to see a first call arrive. */
export function curlExample(baseUrl: string, apiKey: string): string {
  return [
    `curl -X POST ${baseUrl}${INGEST_PATH} \\`,
    `  -H "X-API-KEY: ${apiKey}" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '${JSON.stringify(sampleCall, null, 2)}'`,
  ].join('\n');
}

export function listenerInfo(url: string | null, error: string | null): ListenerInfo {
  return {
    url,
    error,
    ingest_path: INGEST_PATH,
    curl_example: curlExample(url ?? 'http://127.0.0.1:8787', API_KEY_PLACEHOLDER),
    api_key_placeholder: API_KEY_PLACEHOLDER,
  };
}
