import { generateCall, type GeneratedCall } from './audio-generate';
import { scriptBuilder, turn } from './audio-generate/script-builder';

/**
 * A short stereo call in which the caller speaks a phone number and an email address, for the
 * redaction tests: rendered with espeak-ng and sox, the turn times measured from the audio.
 */
export const PII_CALL_LINES = [
  { speaker: 'agent', text: 'Thanks for calling Riverside Dental. What is the best number to reach you?' },
  { speaker: 'user', text: 'Sure, it is four one five five five five one two one two.' },
  { speaker: 'agent', text: 'Thank you. And an email address for the reminder?' },
  { speaker: 'user', text: 'My email is john dot smith at gmail dot com.' },
  { speaker: 'agent', text: 'Great, you are all set. Have a nice day.' },
] as const;

export async function generatePiiCall(dir: string): Promise<GeneratedCall> {
  const builder = scriptBuilder({ agent: { voice: 'en-us', speed: 175 }, user: { voice: 'en-gb', speed: 165 } }, 0);
  PII_CALL_LINES.forEach((line, i) => turn(builder, line.speaker, line.text, i === 0 ? 400 : 700));
  return generateCall({ utterances: builder.utterances, agentChannel: 0, tailMs: 600 }, dir);
}

/** The call as a platform would post it to `/api/v1/observability/calls`. */
export function piiCallPayload(call: GeneratedCall, id: string): { id: string; messages: { role: string; content: string; start_time: number; end_time: number }[] } {
  return { id, messages: call.transcript.map((t) => ({ role: t.role === 'agent' ? 'bot' : 'user', content: t.text, start_time: t.start_ms, end_time: t.end_ms })) };
}
