import type { Rule } from '../../../core/evaluators/definition';
import { PII_TYPES } from '../../../core/pii/types';
import { ListInput } from './ListInput';

type Check = Rule['check'];

export const checkLabels: Record<Check, string> = {
  latency_p90_under: 'Latency p90 under',
  interruptions_under: 'Interruptions under',
  agent_phrase: 'Agent phrase (regex)',
  end_reason_in: 'End reason in a set',
  agent_pii: 'Agent spoke personal data',
  duration_in_range: 'Call duration in a range',
};

/** A new rule of a kind, with sensible starting values. */
export function defaultRule(check: Check): Rule {
  switch (check) {
    case 'latency_p90_under':
      return { check, max_ms: 1500 };
    case 'interruptions_under':
      return { check, max: 2, by: 'agent' };
    case 'agent_phrase':
      return { check, mode: 'must', pattern: 'record(ed|ing)' };
    case 'end_reason_in':
      return { check, reasons: ['customer-ended-call', 'assistant-ended-call'] };
    case 'agent_pii':
      return { check, types: ['credit_card', 'ssn'] };
    case 'duration_in_range':
      return { check, min_s: 10, max_s: 900 };
  }
}

const checks = Object.keys(checkLabels).filter((c): c is Check => c in checkLabels);
const numberOrNull = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/** The fields of a rule evaluator, per check. */
export function RuleFields({ rule, onChange }: { rule: Rule; onChange(rule: Rule): void }) {
  return (
    <>
      <label className="field">
        <span>Check</span>
        <select value={rule.check} onChange={(e) => onChange(defaultRule(checks.find((c) => c === e.target.value) ?? rule.check))}>
          {checks.map((c) => (
            <option key={c} value={c}>
              {checkLabels[c]}
            </option>
          ))}
        </select>
      </label>
      <CheckFields key={rule.check} rule={rule} onChange={onChange} />
    </>
  );
}

function CheckFields({ rule, onChange }: { rule: Rule; onChange(rule: Rule): void }) {
  switch (rule.check) {
    case 'latency_p90_under':
      return (
        <label className="field">
          <span>Max p90 latency (ms)</span>
          <input type="number" min={1} value={rule.max_ms} onChange={(e) => onChange({ ...rule, max_ms: Number(e.target.value) })} />
        </label>
      );
    case 'interruptions_under':
      return (
        <>
          <label className="field">
            <span>Fewer than (interruptions)</span>
            <input type="number" min={0} value={rule.max} onChange={(e) => onChange({ ...rule, max: Number(e.target.value) })} />
          </label>
          <label className="field">
            <span>Interrupted by</span>
            <select value={rule.by} onChange={(e) => onChange({ ...rule, by: e.target.value === 'user' ? 'user' : e.target.value === 'any' ? 'any' : 'agent' })}>
              <option value="agent">the agent (talking over the caller)</option>
              <option value="user">the caller</option>
              <option value="any">either</option>
            </select>
          </label>
        </>
      );
    case 'agent_phrase':
      return (
        <>
          <label className="field">
            <span>The agent</span>
            <select value={rule.mode} onChange={(e) => onChange({ ...rule, mode: e.target.value === 'must_not' ? 'must_not' : 'must' })}>
              <option value="must">must say</option>
              <option value="must_not">must not say</option>
            </select>
          </label>
          <label className="field">
            <span>Pattern (regex)</span>
            <input type="text" className="mono" value={rule.pattern} onChange={(e) => onChange({ ...rule, pattern: e.target.value })} />
          </label>
        </>
      );
    case 'end_reason_in':
      return <ListInput label="End reasons (comma-separated)" value={rule.reasons} onChange={(reasons) => onChange({ ...rule, reasons })} />;
    case 'agent_pii':
      return (
        <label className="field">
          <span>PII types</span>
          <select
            multiple
            size={6}
            value={rule.types}
            onChange={(e) => onChange({ ...rule, types: PII_TYPES.filter((t) => [...e.target.selectedOptions].some((o) => o.value === t)) })}
          >
            {PII_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      );
    case 'duration_in_range':
      return (
        <>
          <label className="field">
            <span>Min duration (s)</span>
            <input type="number" min={0} value={rule.min_s ?? ''} onChange={(e) => onChange({ ...rule, min_s: numberOrNull(e.target.value) })} />
          </label>
          <label className="field">
            <span>Max duration (s)</span>
            <input type="number" min={0} value={rule.max_s ?? ''} onChange={(e) => onChange({ ...rule, max_s: numberOrNull(e.target.value) })} />
          </label>
        </>
      );
  }
}
