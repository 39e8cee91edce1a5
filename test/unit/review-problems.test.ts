import { describe, expect, it } from 'vitest';
import type { Turn } from '../../src/core/model/call';
import type { Marker } from '../../src/renderer/src/review/markers';
import { markerAnnouncement, problemBadges } from '../../src/renderer/src/review/problems';

const turn = (idx: number, role: Turn['role'], start: number | null, end: number | null): Turn => ({
  idx, role, text: `turn ${idx}`, start_ms: start, end_ms: end, words: null, tool: null, interrupted: null, agent_name: null,
});

const turns = [turn(0, 'agent', 0, 2000), turn(1, 'user', 2500, 4000), turn(2, 'agent', 7400, 9000), turn(3, 'user', 8600, 10_000)];

describe('problems in the transcript', () => {
  it('puts a slow reply before the late reply and an interruption before the turn that cut in', () => {
    const markers: Marker[] = [
      { kind: 'latency', at_ms: 4000, ms: 3400, label: 'Latency 3400 ms' },
      { kind: 'interruption', at_ms: 8600, ms: 400, who: 'caller', label: 'Interruption at 8.6 s' },
    ];
    const badges = problemBadges(turns, markers);
    expect(badges.get(2)).toEqual([{ kind: 'latency', text: '3.4 s wait', at_ms: 4000 }]);
    expect(badges.get(3)).toEqual([{ kind: 'interruption', text: 'interrupted by caller', at_ms: 8600 }]);
    expect([...badges.keys()].sort()).toEqual([2, 3]);
  });

  it('says who talked over whom, and leaves untimed turns without badges', () => {
    const agentOver: Marker = { kind: 'interruption', at_ms: 7400, ms: 300, who: 'agent', label: 'Interruption at 7.4 s' };
    expect(problemBadges(turns, [agentOver]).get(2)?.[0]?.text).toBe('agent talked over caller');
    expect(markerAnnouncement(agentOver)).toBe('Agent talked over the caller at 7.4 s');
    expect(markerAnnouncement({ kind: 'latency', at_ms: 4000, ms: 3400, label: '' })).toBe('Slow reply: 3.4 s wait at 4.0 s');
    expect(problemBadges([turn(0, 'agent', null, null), turn(1, 'user', null, null)], [agentOver]).size).toBe(0);
  });
});
