import { describe, expect, it } from 'vitest';
import { isPlausibleSsn, passesAbaChecksum, passesIbanMod97, passesLuhn, passesVinCheck } from '../../../src/core/pii/checksums';

describe('checksums', () => {
  it('Luhn accepts test card numbers and rejects a changed digit', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('5555555555554444')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
  });

  it('IBAN mod 97', () => {
    expect(passesIbanMod97('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(passesIbanMod97('DE89370400440532013000')).toBe(true);
    expect(passesIbanMod97('GB83WEST12345698765432')).toBe(false);
  });

  it('ABA routing checksum', () => {
    expect(passesAbaChecksum('021000021')).toBe(true);
    expect(passesAbaChecksum('011000015')).toBe(true);
    expect(passesAbaChecksum('021000022')).toBe(false);
  });

  it('SSN area, group and serial rules', () => {
    expect(isPlausibleSsn('123', '45', '6789')).toBe(true);
    expect(isPlausibleSsn('000', '45', '6789')).toBe(false);
    expect(isPlausibleSsn('666', '45', '6789')).toBe(false);
    expect(isPlausibleSsn('912', '45', '6789')).toBe(false);
    expect(isPlausibleSsn('123', '00', '6789')).toBe(false);
    expect(isPlausibleSsn('123', '45', '0000')).toBe(false);
  });

  it('VIN check digit', () => {
    expect(passesVinCheck('1HGCM82633A004352')).toBe(true);
    expect(passesVinCheck('11111111111111111')).toBe(true);
    expect(passesVinCheck('1HGCM82643A004352')).toBe(false);
    expect(passesVinCheck('1HGCM82633A00435O')).toBe(false);
  });
});
