import { useCallback, useEffect, useState } from 'react';
import type { CallDetail } from '../../../core/api/types';
import type { Verdict } from '../../../core/model/call';
import { api, onApiEvent } from '../api';
import { formatDuration, formatInstant } from '../shared/format';
import { Transcript } from './Transcript';
import { MetricsPanel } from './MetricsPanel';

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; detail: CallDetail };

/** One call: its facts, its review state and its transcript. */
export function CallView({ callId }: { callId: number }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  const fetchDetail = useCallback(async () => {
    try {
      setLoad({ state: 'ready', detail: await api.getCall({ id: callId }) });
    } catch (error) {
      setLoad({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }, [callId]);

  useEffect(() => {
    setLoad({ state: 'loading' });
    void fetchDetail();
    return onApiEvent('calls.changed', ({ ids }) => {
      if (ids.length === 0 || ids.includes(callId)) void fetchDetail();
    });
  }, [callId, fetchDetail]);

  if (load.state === 'loading') return <section className="call-view muted" aria-busy="true">Loading call…</section>;
  if (load.state === 'error') {
    return (
      <section className="call-view">
        <p role="alert" className="error">Could not open this call: {load.message}</p>
      </section>
    );
  }
  const { call, turns } = load.detail;
  const setVerdict = async (verdict: Verdict | null) => {
    setLoad({ state: 'ready', detail: await api.setVerdict({ id: call.id, verdict }) });
  };

  return (
    <section className="call-view" aria-label={`Call ${call.external_id}`}>
      <header className="call-header">
        <div>
          <h2 className="mono ellipsis" title={call.external_id}>{call.external_id}</h2>
          <p className="muted">
            <span className="badge">{call.provider}</span> {call.platform !== call.provider && <span className="badge">{call.platform}</span>}{' '}
            {formatInstant(call.started_at)} · {formatDuration(call.duration_s)} · {turns.length} turns
          </p>
        </div>
        <div className="review" role="group" aria-label="Review">
          <button type="button" className={`button ${call.verdict === 'success' ? 'active success' : ''}`} aria-pressed={call.verdict === 'success'} onClick={() => setVerdict(call.verdict === 'success' ? null : 'success')}>
            Mark success
          </button>
          <button type="button" className={`button ${call.verdict === 'failure' ? 'active failure' : ''}`} aria-pressed={call.verdict === 'failure'} onClick={() => setVerdict(call.verdict === 'failure' ? null : 'failure')}>
            Mark failure
          </button>
        </div>
      </header>
      <dl className="facts">
        <Fact label="From" value={call.from_number} mono />
        <Fact label="To" value={call.to_number} mono />
        <Fact label="Agent" value={call.agent_id} mono />
        <Fact label="End reason" value={call.end_reason} />
        <Fact label="Status" value={call.status} />
        <Fact label="Short id" value={call.short_id} mono />
      </dl>
      <MetricsPanel callId={call.id} hasRecording={Boolean(call.recording_path || call.recording_url || call.stereo_recording_url)} />
      <h3 className="section-title">Transcript</h3>
      <Transcript turns={turns} />
    </section>
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
