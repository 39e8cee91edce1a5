import { describe, expect, it } from 'vitest';
import { detectStructured } from '../../../src/core/pii/detectors';
import { redactText } from '../../../src/core/pii/redact';
import type { Finding } from '../../../src/core/pii/types';

describe('redactText', () => {
  it('replaces every span by its type in capitals', () => {
    const text = 'call four one five five five five one two one two or mail a@b.com';
    expect(redactText(text, detectStructured(text))).toBe('call <PHONE_NUMBER> or mail <EMAIL_ADDRESS>');
  });

  it('merges overlapping spans: the higher score wins', () => {
    const text = 'account 4111111111111111 end';
    const findings: Finding[] = [
      { type: 'account_number', start: 8, end: 24, text: '4111111111111111', score: 0.7 },
      { type: 'credit_card', start: 8, end: 24, text: '4111111111111111', score: 0.9 },
      { type: 'phone_number', start: 12, end: 28, text: '1111111111111111', score: 0.5 },
    ];
    expect(redactText(text, findings)).toBe('account <CREDIT_CARD> end');
  });

  it('leaves text without findings as it is', () => {
    expect(redactText('nothing here', [])).toBe('nothing here');
  });
});
