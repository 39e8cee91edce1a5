import type { EvaluatorSpecInput } from './definition';

/**
 * Built-in templates (DESIGN §8): the three seed-000 names first, then the others analysts ask for.
 * A template is a starting point: creating from one stores an ordinary, editable evaluator.
 */
export interface EvaluatorTemplate {
  key: string;
  spec: EvaluatorSpecInput;
}

const llm = (name: string, description: string, rubric: string, output: EvaluatorSpecInput['output'] = { type: 'pass_fail' }): EvaluatorSpecInput => ({
  kind: 'llm',
  name,
  description,
  rubric,
  output: output ?? { type: 'pass_fail' },
});

export const evaluatorTemplates: readonly EvaluatorTemplate[] = [
  {
    key: 'follow_instructions',
    spec: llm(
      'Follow Instructions',
      'Did the agent follow its instructions and the caller\'s explicit requests?',
      'Pass if the agent followed its evident instructions (script, policy, required steps) and did what the caller explicitly asked when it was allowed to. Fail if it skipped a required step, ignored an explicit request, or acted against its instructions. Cite the turns where it complied or deviated.',
    ),
  },
  {
    key: 'problem_resolution',
    spec: llm(
      'Problem Resolution',
      'Was the caller\'s problem resolved by the end of the call?',
      'Pass if the caller\'s main problem or request was resolved, or correctly handed off with a clear next step the caller accepted. Fail if the call ended with the problem unresolved, the caller confused, or the request dropped. Cite the turn where it was resolved or where it failed.',
    ),
  },
  {
    key: 'professionalism',
    spec: llm(
      'Professionalism',
      'How professional and courteous was the agent? (1-5)',
      'Score the agent 1-5: 5 = consistently courteous, clear, patient and on-brand; 3 = acceptable with lapses (curt, repetitive, awkward); 1 = rude, dismissive or inappropriate. Cite the turns that most affected the score.',
      { type: 'score', pass_at: 4 },
    ),
  },
  {
    key: 'call_termination',
    spec: llm(
      'Appropriate Call Termination',
      'Did the call end at the right moment and in the right way?',
      'Pass if the call ended only after the caller\'s needs were addressed (or the caller chose to leave), with a proper closing. Fail if the agent hung up early, ended mid-task, kept the caller on after they said goodbye, or the call ended without a closing. Cite the final turns.',
    ),
  },
  {
    key: 'hallucination',
    spec: llm(
      'Hallucination / unsupported claims',
      'Did the agent state facts that nothing in the call or its tools supports?',
      'Fail if the agent stated any specific fact (prices, policies, availability, account details, times) that is not supported by the conversation, the tool results shown in the transcript, or common knowledge, or if it contradicted a tool result. Pass otherwise. Cite each unsupported claim\'s turn.',
    ),
  },
  {
    key: 'tool_call_correctness',
    spec: llm(
      'Tool Call Correctness',
      'Did the agent call the right tools with the right arguments, and use their results correctly?',
      'Judge the tool calls (turns with role tool). Pass if every needed tool was called with arguments that match what the caller said, and the agent relayed the results accurately. Fail if a needed call was missing, arguments were wrong (wrong date, name, number), or a result was misreported. Cite the tool turns and the turns that relay them.',
    ),
  },
  {
    key: 'voicemail',
    spec: llm(
      'Voicemail handled',
      'When the call reached a voicemail or answering machine, did the agent handle it correctly?',
      'Answer with a label: "not_voicemail" if a person answered; "handled" if the agent recognised a voicemail and left the intended short message or hung up as instructed; "mishandled" if it talked to the machine as if to a person, left a long or wrong message, or disclosed personal data. Cite the turns.',
      { type: 'labels', labels: ['not_voicemail', 'handled', 'mishandled'], pass_labels: ['not_voicemail', 'handled'] },
    ),
  },
  { key: 'latency_p90', spec: { kind: 'rule', name: 'Latency p90 under 1.5 s', description: 'Agent reply latency p90 under 1,500 ms.', rule: { check: 'latency_p90_under', max_ms: 1500 } } },
  { key: 'no_talk_over', spec: { kind: 'rule', name: 'Agent interruptions under 2', description: 'The agent talked over the caller fewer than 2 times.', rule: { check: 'interruptions_under', max: 2, by: 'agent' } } },
  { key: 'no_card_readback', spec: { kind: 'rule', name: 'Agent never speaks card or SSN', description: 'The agent never reads back a card number or SSN.', rule: { check: 'agent_pii', types: ['credit_card', 'ssn'] } } },
  { key: 'greeting', spec: { kind: 'rule', name: 'Recording disclosure said', description: 'The agent says the call may be recorded.', rule: { check: 'agent_phrase', mode: 'must', pattern: 'record(ed|ing)' } } },
];
