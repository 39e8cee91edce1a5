/**
 * A voice platform as its users write it ("Vapi", "ElevenLabs"), from the id Callscope stores
 * (`platform`: what the sender named, e.g. seed 000's `provider_platform`, else the provider).
 */
const platformNames: Readonly<Record<string, string>> = {
  vapi: 'Vapi',
  retell: 'Retell',
  elevenlabs: 'ElevenLabs',
  bland: 'Bland',
  livekit: 'LiveKit',
  pipecat: 'Pipecat',
  deepgram: 'Deepgram',
  efficientai: 'EfficientAI',
  cekura: 'Cekura',
  twilio: 'Twilio',
};

export function platformLabel(platform: string): string {
  const known = platformNames[platform.trim().toLowerCase()];
  if (known) return known;
  const plain = platform.trim();
  return plain ? plain.charAt(0).toUpperCase() + plain.slice(1) : 'Unknown';
}
