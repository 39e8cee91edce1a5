import type { CallMetrics } from '../../../core/present/metrics-api';
import { STAGES, type Stage } from '../../../core/metrics/stage-latency';
import { disagreementText } from '../../../core/metrics/stage-agreement';
import { formatMs, formatOffset } from '../shared/format';

const STAGE_NAMES: Record<Stage, string> = { endpointing: 'end of turn', transcriber: 'speech to text', llm: 'LLM first token', tts: 'voice first byte', e2e: 'end to end' };

type Stages = NonNullable<CallMetrics['latency_stages']>;

/**
 * Issue 16: the platform's latency by stage, per call (p50 / p90) and per reply beside the gap heard
 * in the call; a reply where the platform's end-to-end figure and the heard gap disagree by more
 * than 150 ms says so ("provider says 820 ms, audio says 1,310 ms").
 */
export function StageLatencies({ stages }: { stages: Stages }) {
  const shown = STAGES.filter((stage) => stages.per_call[stage] || stages.replies.some((reply) => reply.stages[stage] !== undefined));
  const heard = stages.heard_source ?? 'transcript';
  return (
    <section className="stage-latencies" aria-label="Latency by stage">
      <table className="metrics-table">
        <caption className="section-title">
          Latency by stage (platform)
          {stages.disagreements > 0 && <span className="stage-flag"> · {stages.disagreements} {stages.disagreements === 1 ? 'reply disagrees' : 'replies disagree'} with the {heard}</span>}
        </caption>
        <thead>
          <tr>
            <th scope="col">stage</th>
            <th scope="col">p50</th>
            <th scope="col">p90</th>
            <th scope="col">values</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((stage) => {
            const figure = stages.per_call[stage];
            return (
              <tr key={stage}>
                <th scope="row">{STAGE_NAMES[stage]}</th>
                <td>{formatMs(figure?.p50 ?? null)}</td>
                <td>{formatMs(figure?.p90 ?? null)}</td>
                <td>{figure?.count ?? 0}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {stages.replies.length > 0 && (
        <table className="metrics-table stage-replies" aria-label="Latency by stage, per reply">
          <thead>
            <tr>
              <th scope="col">reply</th>
              <th scope="col">at</th>
              <th scope="col">heard ({heard})</th>
              {shown.map((stage) => (
                <th scope="col" key={stage}>
                  {STAGE_NAMES[stage]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {stages.replies.map((reply, index) => (
              <tr key={index} className={reply.disagrees ? 'disagrees' : undefined} title={reply.disagrees ? disagreementText(reply, heard) : undefined}>
                <th scope="row">{index + 1}</th>
                <td className="mono">{reply.at_ms === null ? '—' : formatOffset(reply.at_ms)}</td>
                <td>{formatMs(reply.heard_ms)}</td>
                {shown.map((stage) => (
                  <td key={stage} className={stage === 'e2e' && reply.disagrees ? 'slow' : undefined}>
                    {formatMs(reply.stages[stage] ?? null)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {stages.unpaired && <p className="muted">Per-reply figures not set beside the call's gaps: {stages.unpaired}.</p>}
    </section>
  );
}
