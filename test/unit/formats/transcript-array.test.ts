import { describe, expect, it } from 'vitest';
import { callsInDocument, detectFormat, normalizeAny } from '../../../src/core/formats/registry';
import { detectTranscriptType } from '../../../src/core/formats/transcript-types';
import { formatName, formatsInWords } from '../../../src/core/present/import-formats';
import { bareTranscripts } from '../../support/bare-transcripts';
import { present } from '../../support/present';

describe('a bare transcript (a JSON array of turns) is one call of its platform', () => {
  it.each(bareTranscripts.map((t) => [t.type, t] as const))('%s', (_type, transcript) => {
    expect(detectTranscriptType(transcript.rows)).toBe(transcript.type);
    expect(callsInDocument(transcript.rows)).toEqual([transcript.rows]);
    expect(detectFormat(transcript.rows)?.sourceFormat).toBe(`${transcript.type}.transcript`);
    const { call, turns } = normalizeAny(transcript.rows);
    expect(call.provider).toBe(transcript.provider);
    expect(call.source_format).toBe(`${transcript.type}.transcript`);
    expect(call.external_id).toBeNull();
    expect(turns.map((t) => t.role)).toEqual(transcript.roles);
    expect(turns.find((t) => t.role === 'agent')?.text).toBe(transcript.firstAgentText);
    expect(turns[0]?.start_ms).toBe(transcript.firstStartMs);
  });

  it('merges a tool result into its call in every tool-carrying shape', () => {
    const withTools = bareTranscripts.filter((t) => t.roles.includes('tool'));
    expect(withTools.length).toBeGreaterThan(0);
    for (const transcript of withTools) {
      const tool = present(normalizeAny(transcript.rows).turns.find((t) => t.role === 'tool')?.tool, `the tool call of ${transcript.type}`);
      expect(tool.result, transcript.type).not.toBeNull();
    }
  });

  it("reads Cekura's documented Pipecat shape untimed too, and LiveKit's own chat items as LiveKit", () => {
    const untimed = [{ role: 'user', content: 'Hello' }, { role: 'assistant', content: 'Hi!' }, { role: 'tool_call', data: { name: 'x' } }];
    expect(detectTranscriptType(untimed)).toBe('pipecat');
    expect(normalizeAny(untimed).turns.map((t) => [t.role, t.start_ms])).toEqual([['user', null], ['agent', null], ['tool', null]]);
    const items = [{ type: 'message', role: 'assistant', content: ['Hello'] }, { type: 'message', role: 'user', content: ['Hi'] }];
    expect(detectTranscriptType(items)).toBe('livekit');
  });

  it('is not mistaken for a list of calls, and a list of calls is not one transcript', () => {
    const calls = [{ id: 'a', messages: [{ role: 'bot', content: 'hi' }] }, { id: 'b', messages: [] }];
    expect(detectTranscriptType(calls)).toBeNull();
    expect(callsInDocument(calls)).toEqual(calls);
    expect(detectTranscriptType([])).toBeNull();
    expect(detectTranscriptType([{ role: 'narrator', content: 'x' }, 3])).toBeNull();
  });

  it('names the format in words for the import summary', () => {
    expect(formatName('retell.transcript')).toBe('Retell transcript (a bare array of turns)');
    expect(formatName('vapi.server-message.end-of-call-report')).toBe('vapi.server-message.end-of-call-report');
    expect(formatsInWords({ 'vapi.get-call': 1, 'deepgram.transcript': 2 })).toBe('2 × Deepgram transcript (a bare array of turns), 1 × vapi.get-call');
  });
});
