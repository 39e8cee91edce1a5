import { describe, expect, it } from 'vitest';
import { normalizeAny } from '../../../src/core/formats/registry';
import { normalizeCekura } from '../../../src/core/formats/cekura';
import { MAX_LIST_ITEMS, MAX_LIST_ITEMS_PER_CALL, MAX_TURNS_PER_CALL, normalizeWithinLimits } from '../../../src/core/formats/limits';
import { fieldPaths, refusal } from '../../support/refusal';

const efficientAi = (messages: unknown[]) => ({ id: 'big', provider_platform: 'vapi', messages });
const line = (i: number) => ({ role: i % 2 ? 'user' : 'bot', content: 'hi' });

describe('size limits of one call (413, naming the list)', () => {
  it('refuses a list longer than the limit before normalizing it, naming its path', () => {
    const error = refusal(() => normalizeAny(efficientAi(Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, i) => line(i)))));
    expect(error.code).toBe('payload_too_large');
    expect(fieldPaths(error)).toEqual(['messages']);
    expect(error.message).toContain(`${MAX_LIST_ITEMS + 1} items`);
  });

  it('refuses more list items in all than one call holds', () => {
    const words = Array.from({ length: 1000 }, () => ({ word: 'a', start: 0, end: 0.1 }));
    const transcript = Array.from({ length: Math.ceil(MAX_LIST_ITEMS_PER_CALL / 1000) + 1 }, () => ({ role: 'agent', content: 'a', words }));
    const error = refusal(() => normalizeAny({ call_id: 'c', call_type: 'phone_call', transcript_object: transcript }));
    expect(error.code).toBe('payload_too_large');
    expect(fieldPaths(error)).toEqual(['$']);
  });

  it('refuses more turns than one call holds, counted after normalizing', () => {
    const transcript = Array.from({ length: MAX_TURNS_PER_CALL / 2 + 1 }, (_, i) => ({
      role: 'Main Agent',
      content: `hi ${i}`,
    })).flatMap((row) => [row, { role: 'Testing Agent', content: 'yes' }]);
    const error = refusal(() => normalizeWithinLimits({ call_id: 'c', transcript_type: 'cekura', transcript_json: transcript }, normalizeCekura));
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toContain(`at most ${MAX_TURNS_PER_CALL}`);
  });

  it('sizes up a Cekura transcript sent as JSON text too', () => {
    const rows = JSON.stringify(Array.from({ length: MAX_LIST_ITEMS + 1 }, () => ({ role: 'Main Agent', content: 'a' })));
    const error = refusal(() => normalizeWithinLimits({ call_id: 'c', transcript_type: 'cekura', transcript_json: rows }, normalizeCekura));
    expect(error.code).toBe('payload_too_large');
    expect(fieldPaths(error)).toEqual(['transcript_json']);
  });

  it('takes a call right at the limits', () => {
    const { turns } = normalizeAny(efficientAi(Array.from({ length: MAX_TURNS_PER_CALL }, (_, i) => line(i))));
    expect(turns).toHaveLength(MAX_TURNS_PER_CALL);
  });
});
