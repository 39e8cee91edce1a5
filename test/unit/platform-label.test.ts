import { describe, expect, it } from 'vitest';
import { platformLabel } from '../../src/core/present/platform-label';

describe('platform names', () => {
  it('writes each platform as its users do, whatever case the payload used', () => {
    expect(['vapi', 'Retell', 'ELEVENLABS', 'livekit', 'efficientai'].map(platformLabel)).toEqual(['Vapi', 'Retell', 'ElevenLabs', 'LiveKit', 'EfficientAI']);
  });
  it('keeps an unknown platform readable', () => {
    expect(platformLabel('synthflow')).toBe('Synthflow');
    expect(platformLabel('  ')).toBe('Unknown');
  });
});
