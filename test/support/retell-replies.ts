/**
 * A Retell call whose reply latencies are known: agent and caller alternate, and the gap before
 * each agent turn but the first is a reply latency (`gaps`, ms). For Compare's tests and bench,
 * which set two agent versions' replies apart by a known amount.
 */
export function retellCallWithReplies(id: string, agent: string, gaps: readonly number[], startMs: number): Record<string, unknown> {
  const utterance = (role: string, content: string, fromMs: number, toMs: number) => ({ role, content, words: [{ word: content, start: fromMs / 1000, end: toMs / 1000 }] });
  const transcript = [utterance('agent', 'Hello, how can I help?', 0, 1000)];
  let at = 1000;
  for (const gap of gaps) {
    transcript.push(utterance('user', 'I have a question about my bill.', at + 300, at + 2300));
    at += 2300 + gap;
    transcript.push(utterance('agent', 'Sure, let me look at that.', at, at + 1500));
    at += 1500;
  }
  return { call_type: 'phone_call', call_id: id, agent_id: agent, start_timestamp: startMs, end_timestamp: startMs + at, duration_ms: at, transcript_object: transcript };
}
