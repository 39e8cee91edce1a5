import type { StoredCall } from '../../../core/model/call';
import { formatInstant } from '../shared/format';
import { CopyButton } from '../shared/CopyButton';

/** The call's facts (the Details tab): who, when, how it ended, and the ids to find it by elsewhere. */
export function CallDetails({ call, agentHistory }: { call: StoredCall; agentHistory: readonly string[] }) {
  return (
    <dl className="facts call-facts">
      <div className="fact">
        <dt>Call id</dt>
        <dd className="mono fact-with-action">
          <span>{call.external_id}</span> <CopyButton text={call.external_id} label="Copy call id" />
        </dd>
      </div>
      <Fact label="From" value={call.from_number} mono />
      <Fact label="To" value={call.to_number} mono />
      <Fact label="Agent" value={agentHistory.length > 1 ? agentHistory.join(' → ') : call.agent_id} mono />
      <Fact label="End reason" value={call.end_reason} />
      <Fact label="Status" value={call.status} />
      <Fact label="Direction" value={call.direction} />
      <Fact label="Started" value={call.started_at && formatInstant(call.started_at)} />
      <Fact label="Ended" value={call.ended_at && formatInstant(call.ended_at)} />
      <Fact label="Received" value={formatInstant(call.created_at)} />
      <Fact label="Cost" value={call.cost_usd === null ? null : `$${call.cost_usd.toFixed(4)}`} />
      <Fact label="Short id" value={call.short_id} mono />
    </dl>
  );
}

function Fact({ label, value, mono = false }: { label: string; value: string | null; mono?: boolean }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined}>{value ?? '—'}</dd>
    </div>
  );
}
