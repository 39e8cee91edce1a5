import { describe, expect, it } from 'vitest';
import { emptyCallFacts, type CallFacts } from '../../src/core/model/call';
import { lifecycleStage } from '../../src/core/model/lifecycle';
import { mergeCallFacts } from '../../src/core/model/merge';

const retell = (event: string, more: Partial<CallFacts> = {}): CallFacts => ({
  ...emptyCallFacts('retell', `retell.webhook.${event}`),
  external_id: 'c1',
  ...more,
});

describe('lifecycle stages', () => {
  it.each([
    [retell('call_started', { status: 'registered' }), 'registered'],
    [retell('call_started', { status: 'ongoing' }), 'ongoing'],
    [retell('call_ended', { status: 'error' }), 'ended'],
    [retell('call_analyzed', { status: 'ended' }), 'analyzed'],
    [{ ...emptyCallFacts('retell', 'retell.get-call'), status: 'ended', extra: { call_analysis: { x: 1 } } }, 'analyzed'],
    [{ ...emptyCallFacts('vapi', 'vapi.get-call'), status: 'in-progress' }, 'ongoing'],
    [{ ...emptyCallFacts('elevenlabs', 'elevenlabs.get-conversation'), status: 'processing' }, 'ended'],
    [{ ...emptyCallFacts('elevenlabs', 'elevenlabs.get-conversation'), status: 'done' }, 'analyzed'],
    [emptyCallFacts('pipecat', 'pipecat.transcript-messages'), null],
  ] as const)('%#: %s', (facts, stage) => {
    expect(lifecycleStage(facts)).toBe(stage);
  });
});

describe('merging facts by stage', () => {
  it('an earlier event only fills gaps, and keeps none of its words where the later one spoke', () => {
    const stored = retell('call_analyzed', { status: 'ended', end_reason: 'hangup', extra: { call_analysis: { ok: true }, call_type: 'phone_call' } });
    const { facts, incomingIsLater } = mergeCallFacts(stored, retell('call_started', { status: 'ongoing', agent_id: 'a1', extra: { call_type: 'web_call', started_only: 1 } }));
    expect(incomingIsLater).toBe(false);
    expect(facts).toMatchObject({ status: 'ended', end_reason: 'hangup', agent_id: 'a1', source_format: 'retell.webhook.call_analyzed' });
    expect(facts.extra).toEqual({ call_analysis: { ok: true }, call_type: 'phone_call', started_only: 1 });
  });

  it('a later event wins, and never drops what it lacks (nor what it leaves null)', () => {
    const stored = retell('call_ended', { status: 'ended', recording_url: 'r', extra: { call_analysis: null, cost: 3 } });
    const { facts, incomingIsLater } = mergeCallFacts(stored, retell('call_analyzed', { status: 'ended', extra: { call_analysis: { ok: true }, cost: null } }));
    expect(incomingIsLater).toBe(true);
    expect(facts.recording_url).toBe('r');
    expect(facts.extra).toEqual({ call_analysis: { ok: true }, cost: 3 });
  });

  it('a payload that does not say where the call is counts as earlier than one that does', () => {
    const stored = retell('call_ended', { status: 'ended' });
    const incoming = { ...emptyCallFacts('retell', 'retell.get-call'), external_id: 'c1', agent_id: 'a2' };
    expect(mergeCallFacts(stored, incoming)).toMatchObject({ incomingIsLater: false, facts: { source_format: 'retell.webhook.call_ended', agent_id: 'a2' } });
  });
});
