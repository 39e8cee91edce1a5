import type { CallMetrics } from '../../../core/present/metrics-api';
import { api } from '../api';
import { formatMs } from '../shared/format';
import { StageLatencies } from './StageLatencies';
import { LineQualityTable } from './LineQualityTable';

type Block = CallMetrics['latency_ms']['transcript'];

/** How far a source's p50 is from the transcript's: the gap between what was logged and what was heard. */
function gap(block: Block, reference: Block): string {
  if (!block || !reference || block.p50 === null || reference.p50 === null || block === reference) return '';
  const delta = Math.round(block.p50 - reference.p50);
  return `${delta >= 0 ? '+' : '−'}${formatMs(Math.abs(delta))}`;
}

function LatencyCells({ block, reference }: { block: Block; reference: Block }) {
  if (!block) return <td colSpan={4} className="muted">—</td>;
  const difference = gap(block, reference);
  return (
    <>
      <td>{formatMs(block.p50)}</td>
      <td>{formatMs(block.p90)}</td>
      <td>{block.count}</td>
      <td className={difference && Math.abs((block.p50 ?? 0) - (reference?.p50 ?? 0)) > 250 ? 'slow' : 'muted'}>{difference}</td>
    </>
  );
}

/**
 * The call's timing figures by source (transcript turn times, the recording, the platform's own
 * report) side by side, and the recording analysis with its state. The call view fetches the
 * figures (it needs them for the markers too) and hands them down.
 */
export function MetricsPanel({ callId, metrics, hasRecording }: { callId: number; metrics: CallMetrics | null; hasRecording: boolean }) {
  if (!metrics) return null;
  const audio = metrics.audio;
  const busy = audio && ['queued', 'fetching', 'analysing'].includes(audio.status);
  return (
    <section className="metrics" aria-label="Metrics">
      <table className="metrics-table">
        <caption className="section-title">Reply latency</caption>
        <thead>
          <tr>
            <th scope="col">source</th>
            <th scope="col">p50</th>
            <th scope="col">p90</th>
            <th scope="col">replies</th>
            <th scope="col">vs transcript</th>
          </tr>
        </thead>
        <tbody>
          {(['transcript', 'audio', 'provider'] as const).map((source) => (
            <tr key={source}>
              <th scope="row">{source}</th>
              <LatencyCells block={metrics.latency_ms[source]} reference={metrics.latency_ms.transcript} />
            </tr>
          ))}
        </tbody>
      </table>
      {metrics.latency_stages && <StageLatencies stages={metrics.latency_stages} />}
      <dl className="facts">
        <div className="fact">
          <dt>TTFW (transcript / audio)</dt>
          <dd>
            {formatMs(metrics.ttfw_ms.transcript)} / {formatMs(metrics.ttfw_ms.audio)}
          </dd>
        </div>
        <div className="fact">
          <dt>Interruptions ({metrics.interruptions.source ?? '—'})</dt>
          <dd>
            {metrics.interruptions.count === null ? (
              <span title="No speech in this call could be placed in time (its turns carry no times and there is no analysed recording)">—</span>
            ) : (
              <>
                caller {metrics.interruptions.user_interrupts_agent.length} · agent {metrics.interruptions.agent_interrupts_user.length} · backchannels{' '}
                {metrics.interruptions.backchannels.length}
              </>
            )}
          </dd>
        </div>
        <div className="fact">
          <dt>Longest silence</dt>
          <dd>{formatMs(metrics.silence.longest_ms)}</dd>
        </div>
        <div className="fact">
          <dt>Agent talk ratio</dt>
          <dd>{metrics.talk_ratio === null ? '—' : `${Math.round(metrics.talk_ratio * 100)}%`}</dd>
        </div>
      </dl>
      {audio?.line_quality && audio.line_quality.length > 0 && <LineQualityTable lines={audio.line_quality} />}
      <div className="audio-state">
        {audio ? (
          <span role="status">
            Recording: {audio.status}
            {audio.status === 'done' && audio.analysis_ms !== null ? ` in ${formatMs(audio.analysis_ms)}, agent on channel ${audio.agent_channel ?? '—'} (${audio.agent_channel_reason})` : ''}
            {audio.error ? ` — ${audio.error}` : ''}
          </span>
        ) : (
          <span className="muted">{hasRecording ? 'Recording not analysed yet.' : 'No recording.'}</span>
        )}
        {hasRecording && (
          <button type="button" className="button small" disabled={Boolean(busy)} onClick={() => void api.analyseRecording({ id: callId, fetch_remote: true })}>
            {busy ? 'Analysing…' : audio?.status === 'done' ? 'Analyse again' : 'Analyse recording'}
          </button>
        )}
      </div>
    </section>
  );
}
