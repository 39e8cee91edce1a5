/** A realistic seed-000 flat call with `turns` alternating turns (the shape the bench sends). */
export function sampleCall(id: string, turns = 20): Record<string, unknown> {
  const start = Date.UTC(2026, 5, 1, 9, 0, 0);
  const messages = Array.from({ length: turns }, (_, i) => {
    const at = start + 1000 + i * 4000;
    return {
      role: i % 2 === 0 ? 'bot' : 'user',
      content:
        i % 2 === 0
          ? `Thanks for holding. I can see your order number ${1000 + i} and the delivery window is between two and four this afternoon.`
          : `Okay, and can you confirm the address on file? I moved last month and I want to be sure it goes to the right place.`,
      start_time: at,
      end_time: at + 3200,
    };
  });
  return {
    id,
    agent_id: 'bench-agent',
    startedAt: new Date(start).toISOString(),
    endedAt: new Date(start + 2000 + turns * 4000).toISOString(),
    from_phone_number: '+14155550100',
    to_phone_number: '+18005550199',
    messages,
    metadata: { campaign: 'bench' },
    endedReason: 'customer-ended-call',
    provider_platform: 'vapi',
  };
}
