import type { Turn } from '../../../core/model/call';
import { formatOffset, roleLabel } from '../shared/format';

/** The transcript as a list named "Transcript": one item per turn, with its speaker and time. */
export function Transcript({ turns }: { turns: Turn[] }) {
  if (turns.length === 0) {
    return <p className="muted empty-transcript">This call has no transcript.</p>;
  }
  return (
    <ol aria-label="Transcript" className="transcript">
      {turns.map((turn) => (
        <li key={turn.idx} className={`turn ${turn.role}`} data-role={turn.role}>
          <div className="turn-meta">
            <span className="turn-role">{roleLabel[turn.role]}</span>
            {turn.agent_name && <span className="muted"> · {turn.agent_name}</span>}
            <time className="turn-time mono" title={turn.end_ms !== null ? `until ${formatOffset(turn.end_ms)}` : undefined}>
              {formatOffset(turn.start_ms)}
            </time>
            {turn.interrupted && <span className="flag">interrupted</span>}
          </div>
          {turn.tool ? <ToolCall tool={turn.tool} /> : <p className="turn-text">{turn.text}</p>}
        </li>
      ))}
    </ol>
  );
}

function ToolCall({ tool }: { tool: NonNullable<Turn['tool']> }) {
  return (
    <details className="tool-call">
      <summary>
        <span className="mono">{tool.name}</span>
      </summary>
      <pre className="mono">{JSON.stringify({ arguments: tool.arguments, result: tool.result }, null, 2)}</pre>
    </details>
  );
}
