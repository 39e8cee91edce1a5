/** The shape of Cekura's documented `call_log.completed` webhook (values made up here). */
export const callLogCompleted = {
  event_type: 'call_log.completed',
  data: {
    id: 41,
    duration: '01:10',
    voice_recording_url: 'https://example.com/r.mp3',
    critical_categories: [],
    status: 'success',
    agent_id: '7',
    timestamp: '2025-07-31T11:13:42Z',
    success: false,
    is_reviewed: false,
    feedback: '',
    evaluation: {
      metrics: [
        { id: 5, name: 'workflow-adherence', eval_type: 'binary', passed: true, explanation: ['Followed the script.', 'Confirmed the booking.'] },
        { id: 9, name: 'politeness', eval_type: 'numeric', score: 4 },
      ],
    },
    transcript: '[0:00] Testing Agent: Hello.\n[0:01] Main Agent: Hi, how can I help?',
    transcript_object: [
      { role: 'Testing Agent', time: '0:00', content: 'Hello.', start_time: 0.2, end_time: 0.9 },
      { role: 'Main Agent', time: '0:01', content: 'Hi, how can I help?', start_time: 1.2, end_time: 2.6 },
    ],
    call_ended_reason: '',
    dropoff_point: 'end of conversation',
    customer_number: '',
    metadata: {},
    dynamic_variables: {},
    call_id: 'call-abc',
    agent: 7,
  },
};
