import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/core/api/errors';
import { parseJsonText } from '../../src/main/import/documents';

function messageOf(text: string): string {
  try {
    parseJsonText(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('the text must be refused');
}

describe('the JSON of a dropped or imported file', () => {
  it('reads strict JSON', () => {
    expect(parseJsonText('{"a": [1, 2]}')).toEqual({ a: [1, 2] });
  });

  it("accepts JSON5-style comments and trailing commas, as published examples have them", () => {
    const published = ['{', '  "call_id": "c1", // the call', '  /* elided */', '  "transcripts": [', '    {"user": "assistant", "text": "Hi"},', '  ],', '}'].join('\n');
    expect(parseJsonText(published)).toEqual({ call_id: 'c1', transcripts: [{ user: 'assistant', text: 'Hi' }] });
  });

  it('says where (line and column) and what is wrong when a text is neither', () => {
    expect(messageOf('{\n  "a": 1,\n  "b": }\n')).toBe("not valid JSON at line 3, column 8: invalid character '}'");
    expect(messageOf('{\n  "a": [1, 2\n')).toMatch(/^not valid JSON at line 3, column 1: invalid end of input/);
    expect(messageOf('{"id": ')).toMatch(/^not valid JSON at column 8: invalid end of input/);
  });

  it('still refuses JSON nested deeper than 256 levels before parsing it', () => {
    expect(messageOf(`${'['.repeat(300)}${']'.repeat(300)}`)).toMatch(/256/);
  });
});
