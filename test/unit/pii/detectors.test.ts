import { describe, expect, it } from 'vitest';
import { detectStructured, PII_TYPES, type PiiType } from '../../../src/core/pii/detectors';

/** The [type, original text] of every finding, in order. */
function found(text: string): [PiiType, string][] {
  return detectStructured(text).map((f) => {
    expect(f.text).toBe(text.slice(f.start, f.end));
    return [f.type, text.slice(f.start, f.end)];
  });
}

describe('PII_TYPES', () => {
  it('lists the 29 redact_fields names of seed 003', () => {
    expect(PII_TYPES).toHaveLength(29);
    expect(new Set(PII_TYPES).size).toBe(29);
    expect(PII_TYPES).toContain('gender_sexuality');
    expect(PII_TYPES).toContain('numerical_pii');
  });
});

describe('detectStructured: written forms', () => {
  it('credit cards pass Luhn; a 16-digit number failing Luhn does not', () => {
    expect(found('my card is 4111 1111 1111 1111 ok')).toEqual([['credit_card', '4111 1111 1111 1111']]);
    expect(found('number 5555-5555-5555-4444')).toEqual([['credit_card', '5555-5555-5555-4444']]);
    expect(found('my card is 4111 1111 1111 1112 ok')).toEqual([]);
  });

  it('phone numbers, US by default and international', () => {
    expect(found('call me at (415) 555-1212 please')).toEqual([['phone_number', '(415) 555-1212']]);
    expect(found('or +44 20 7946 0958')).toEqual([['phone_number', '+44 20 7946 0958']]);
  });

  it('emails, IPs and URLs', () => {
    expect(found('write to jane.doe+x@example.co.uk today')).toEqual([['email_address', 'jane.doe+x@example.co.uk']]);
    expect(found('server 192.168.10.254 and 2001:db8::8a2e:370:7334')).toEqual([
      ['ip_address', '192.168.10.254'],
      ['ip_address', '2001:db8::8a2e:370:7334'],
    ]);
    expect(found('see https://acme.com/help?id=3, www.example.org or shop.acme.io.')).toEqual([
      ['url', 'https://acme.com/help?id=3'],
      ['url', 'www.example.org'],
      ['url', 'shop.acme.io'],
    ]);
  });

  it('SSNs: dashed format alone, a bare 9-digit run only with a context word', () => {
    expect(found('it is 123-45-6789')).toEqual([['ssn', '123-45-6789']]);
    expect(found('my social is 123456789')).toEqual([['ssn', '123456789']]);
    expect(found('code 123456789 sent')).toEqual([]);
    expect(found('ssn 666-45-6789 or 123-00-6789')).toEqual([]);
  });

  it('IBAN, ABA routing and account numbers', () => {
    expect(found('IBAN GB82 WEST 1234 5698 7654 32 thanks')).toEqual([['bank_account', 'GB82 WEST 1234 5698 7654 32']]);
    expect(found('IBAN GB83 WEST 1234 5698 7654 32 thanks')).toEqual([]);
    expect(found('routing number 021000021')).toEqual([['bank_account', '021000021']]);
    expect(found('routing number 021000022')).toEqual([]);
    expect(found('my account number is 0012345678')).toEqual([['account_number', '0012345678']]);
    expect(found('my checking account is 88812345')).toEqual([['bank_account', '88812345']]);
  });

  it('VINs with a valid check digit only', () => {
    expect(found('the VIN is 1HGCM82633A004352.')).toEqual([['vehicle_id', '1HGCM82633A004352']]);
    expect(found('the VIN is 1HGCM82643A004352.')).toEqual([]);
  });

  it('dates of birth near a birth word', () => {
    expect(found('my date of birth is 03/03/1988')).toEqual([['dob', '03/03/1988']]);
    expect(found('I was born on March 3rd, 1988 in Ohio')).toEqual([['dob', 'March 3rd, 1988']]);
    expect(found('DOB: 1988-03-03')).toEqual([['dob', '1988-03-03']]);
    expect(found('the appointment is on 03/03/2025')).toEqual([]);
    expect(found('I was born to run')).toEqual([]);
  });

  it('hard negatives: order numbers, prices, times', () => {
    expect(found('your order number is 4155551212')).toEqual([]);
    expect(found('order 48291 ships today')).toEqual([]);
    expect(found('that is $1,299.00 or 1,299.00 dollars')).toEqual([]);
    expect(found('see you at 10:30 or 14:45:00')).toEqual([]);
    expect(found('in 2024 we had 12 calls')).toEqual([]);
    expect(found('update to version 1.2.3.4 first')).toEqual([]);
  });
});

describe('detectStructured: spoken forms map back to the original characters', () => {
  it('a spoken phone number', () => {
    const text = 'yes it is four one five five five five one two one two, thanks';
    expect(found(text)).toEqual([['phone_number', 'four one five five five five one two one two']]);
  });

  it('a phone number mixing words and digits, with double', () => {
    const text = 'call 415 five five five double one two two';
    expect(found(text)).toEqual([['phone_number', '415 five five five double one two two']]);
  });

  it('a spoken email and web address', () => {
    const text = 'email john dot smith at gmail dot com or visit w w w dot acme dot com';
    expect(found(text)).toEqual([
      ['email_address', 'john dot smith at gmail dot com'],
      ['url', 'w w w dot acme dot com'],
    ]);
  });

  it('a spoken SSN needs its context word', () => {
    const text = 'my social is one two three four five six seven eight nine';
    expect(found(text)).toEqual([['ssn', 'one two three four five six seven eight nine']]);
    expect(found('press one two three four five six seven eight nine')).toEqual([]);
  });

  it('a spoken date of birth', () => {
    const text = 'I was born March third, nineteen eighty-eight.';
    expect(found(text)).toEqual([['dob', 'March third, nineteen eighty-eight']]);
    expect(found('my birthday is the twenty-first of June')).toEqual([['dob', 'the twenty-first of June']]);
  });

  it('reference numbers are not SSNs or phones; other ids are not phones', () => {
    expect(found('the case number is 412-55-1234')).toEqual([]);
    expect(found('my member number is 415 555 1212')).toEqual([]);
    expect(found('my number is 415 555 1212')).toEqual([['phone_number', '415 555 1212']]);
  });

  it('international numbers in reserved ranges, said with "plus"', () => {
    expect(found('reach me on plus four four seven seven zero zero nine double zero one two three')).toEqual([
      ['phone_number', 'plus four four seven seven zero zero nine double zero one two three'],
    ]);
  });

  it('URLs with an address for a host, more TLDs, firmware versions', () => {
    expect(found('open http://10.0.0.1/setup now')).toEqual([['url', 'http://10.0.0.1/setup']]);
    expect(found('see bit.ly/x7Yz today')).toEqual([['url', 'bit.ly/x7Yz']]);
    expect(found('Firmware 10.0.3.2 is installed')).toEqual([]);
  });

  it('spoken IPs, spelled IBANs and VINs, licence plates with context', () => {
    expect(found('the router is one nine two dot one six eight dot one dot one')).toEqual([['ip_address', 'one nine two dot one six eight dot one dot one']]);
    expect(found('vin two t one x two e f a zero t x four five nine seven seven eight')).toEqual([
      ['vehicle_id', 'two t one x two e f a zero t x four five nine seven seven eight'],
    ]);
    expect(found('The license plate is 7XYZ482, a white Camry')).toEqual([['vehicle_id', '7XYZ482']]);
    expect(found('My tag is ABC-1234, Virginia plates')).toEqual([['vehicle_id', 'ABC-1234']]);
    expect(found('order ABC-1234 shipped')).toEqual([]);
  });

  it('spoken addresses: mail hosts, split hosts, digits in the local part, paths; "at" without a reason is no email', () => {
    expect(found('my email is siobhan dot kelleher at proton mail dot com')).toEqual([['email_address', 'siobhan dot kelleher at proton mail dot com']]);
    expect(found("i'm sending the link to j smith at gmail dot com now")).toEqual([['email_address', 'j smith at gmail dot com']]);
    expect(found('send the quote to siobhan mac at yahoo dot co dot uk')).toEqual([['email_address', 'siobhan mac at yahoo dot co dot uk']]);
    expect(found('my email is mateo underscore r nine nine at hotmail dot com')).toEqual([['email_address', 'mateo underscore r nine nine at hotmail dot com']]);
    expect(found('you can pay online at pay dot brightwire dot net')).toEqual([['url', 'pay dot brightwire dot net']]);
    expect(found('help articles are at ridepal dot com slash help right')).toEqual([['url', 'ridepal dot com slash help']]);
  });

  it('spoken numbers with "triple oh", slashes and tens between dots; a reference that names the number', () => {
    expect(found('card on file four six seven five seven two triple oh three two seven five six double nine')).toEqual([
      ['credit_card', 'four six seven five seven two triple oh three two seven five six double nine'],
    ]);
    expect(found('my date of birth is oh seven slash one nine slash nineteen ninety two')).toEqual([['dob', 'oh seven slash one nine slash nineteen ninety two']]);
    expect(found('the camera ip is ten dot twenty dot thirty dot one')).toEqual([['ip_address', 'ten dot twenty dot thirty dot one']]);
    expect(found('can you text the confirmation to six four six, nine oh six, sixteen thirty six')).toEqual([['phone_number', 'six four six, nine oh six, sixteen thirty six']]);
    expect(found("I've filed a safety report, number 240611-0093.")).toEqual([]);
  });

  it('bank words on either side make an account a bank account; a phone number is not an account', () => {
    expect(found('Routing 054816062, checking 316448124484.')).toEqual([['bank_account', '054816062'], ['bank_account', '316448124484']]);
    expect(found('I changed my direct deposit to account 985773770 at routing 062989703')).toEqual([['bank_account', '985773770'], ['bank_account', '062989703']]);
    expect(found('the number on the account is (312) 439-5542')).toEqual([['phone_number', '(312) 439-5542']]);
  });

  it('a card read in pairs; a date of birth named after it; a credit union is a bank', () => {
    expect(found('card forty one eleven eleven eleven eleven eleven eleven twelve')).toEqual([]); // fails Luhn
    expect(found('card forty one eleven eleven eleven eleven eleven eleven eleven')).toEqual([['credit_card', 'forty one eleven eleven eleven eleven eleven eleven eleven']]);
    expect(found("twelve five sixty two that's my date of birth")).toEqual([['dob', 'twelve five sixty two']]);
    expect(found('account six eight two six two two nine oh at my credit union')).toEqual([['bank_account', 'six eight two six two two nine oh']]);
  });

  it('national numbers with a trunk 0 after a phone word; versions, bag tags and ids that only contain digits are not PII', () => {
    expect(found("please call my cell it's oh seven four six two six seven six double eight four")).toEqual([
      ['phone_number', 'oh seven four six two six seven six double eight four'],
    ]);
    expect(found('Your case number with USCIS is IOE0912345678; keep it handy.')).toEqual([]);
    expect(found('The app version is 4.12.3.1, please update.')).toEqual([]);
    expect(found('Your bag tag number is 0627 SB 448120.')).toEqual([]);
    expect(found('Your mail-order pharmacy account, 04758289886, shows two refills.')).toEqual([['account_number', '04758289886']]);
    expect(found('you can look us up at www dot harmonykeys dot studio')).toEqual([['url', 'www dot harmonykeys dot studio']]);
  });
});
