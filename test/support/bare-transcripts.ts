/**
 * One bare transcript (a JSON array of turns, no call around it) per Cekura transcript type, each
 * in the shape its platform (or Cekura's transcript-format docs) gives it, with what it must read as.
 */
export interface BareTranscript {
  type: string;
  provider: string;
  rows: unknown[];
  roles: string[];
  firstAgentText: string;
  /** start of the first turn, ms from call start (null: untimed). */
  firstStartMs: number | null;
}

export const bareTranscripts: BareTranscript[] = [
  {
    type: 'cekura',
    provider: 'cekura',
    rows: [
      { role: 'Main Agent', content: 'Thanks for calling, how can I help?', start_time: 0.5, end_time: 2.1 },
      { role: 'Testing Agent', content: 'I want to book a table.', start_time: 2.6, end_time: 4 },
      { role: 'Function Call', data: { id: 't1', name: 'book', arguments: '{"size": 2}' } },
      { role: 'Function Call Result', data: { id: 't1', name: 'book', result: '{"ok": true}' } },
      { role: 'Main Agent', content: 'Booked.', start_time: 5, end_time: 5.6 },
    ],
    roles: ['agent', 'user', 'tool', 'agent'],
    firstAgentText: 'Thanks for calling, how can I help?',
    firstStartMs: 500,
  },
  {
    type: 'retell',
    provider: 'retell',
    rows: [
      { role: 'agent', content: 'Hello!', words: [{ word: 'Hello!', start: 0.4, end: 0.9 }] },
      { role: 'user', content: 'Hi.', words: [{ word: 'Hi.', start: 1.5, end: 1.8 }] },
      { role: 'tool_call_invocation', tool_call_id: 'c1', name: 'lookup', arguments: '{}' },
      { role: 'tool_call_result', tool_call_id: 'c1', content: 'found' },
    ],
    roles: ['agent', 'user', 'tool'],
    firstAgentText: 'Hello!',
    firstStartMs: 400,
  },
  {
    type: 'vapi',
    provider: 'vapi',
    rows: [
      { role: 'system', message: 'You are a receptionist.', time: 0 },
      { role: 'bot', message: 'Good morning.', time: 1.2, endTime: 2.0 },
      { role: 'user', message: 'Morning, I need a refill.', time: 2.5, endTime: 4.1 },
    ],
    roles: ['agent', 'user'],
    firstAgentText: 'Good morning.',
    firstStartMs: 1200,
  },
  {
    type: 'pipecat',
    provider: 'pipecat',
    rows: [
      { role: 'user', content: 'Can you check my order?', start_time: 1.0, end_time: 2.2 },
      { role: 'tool_call', data: { id: 'x', name: 'orderStatus', arguments: '{"id": 7}' } },
      { role: 'tool_call_result', data: { id: 'x', name: 'orderStatus', result: '{"status": "shipped"}' } },
      { role: 'assistant', content: 'It has shipped.', start_time: 3.0, end_time: 3.9 },
    ],
    roles: ['user', 'tool', 'agent'],
    firstAgentText: 'It has shipped.',
    firstStartMs: 1000,
  },
  {
    type: 'livekit',
    provider: 'livekit',
    rows: [
      { role: 'assistant', content: 'Hi, this is the clinic.', timestamp: 0 },
      { role: 'user', content: 'I would like an appointment.', timestamp: 4 },
    ],
    roles: ['agent', 'user'],
    firstAgentText: 'Hi, this is the clinic.',
    firstStartMs: 0,
  },
  {
    type: 'elevenlabs',
    provider: 'elevenlabs',
    rows: [
      { role: 'agent', message: 'Hey there, how are you?', time_in_call_secs: 0 },
      { role: 'user', message: 'Fine, thanks.', time_in_call_secs: 3 },
    ],
    roles: ['agent', 'user'],
    firstAgentText: 'Hey there, how are you?',
    firstStartMs: 0,
  },
  {
    type: 'deepgram',
    provider: 'deepgram',
    rows: [
      { start: 0.2, end: 1.9, channel: 0, transcript: 'Premier services, this is Tom.', speaker: 0 },
      { start: 2.4, end: 3.5, channel: 1, transcript: 'Hi Tom, my phone is broken.', speaker: 0 },
    ],
    roles: ['agent', 'user'],
    firstAgentText: 'Premier services, this is Tom.',
    firstStartMs: 200,
  },
  {
    type: 'bland',
    provider: 'bland',
    rows: [
      { id: 1, created_at: '2026-06-01T10:00:01.000Z', text: 'Hello, this is Bland.', user: 'assistant' },
      { id: 2, created_at: '2026-06-01T10:00:04.500Z', text: 'Hi.', user: 'user' },
    ],
    roles: ['agent', 'user'],
    firstAgentText: 'Hello, this is Bland.',
    firstStartMs: 0,
  },
];
