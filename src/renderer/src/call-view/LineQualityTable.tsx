import type { ChannelLine } from '../../../core/metrics/line-quality';
import { formatDb, formatMs, formatShare } from '../shared/format';

const whose = (line: ChannelLine): string => (line.speaker === 'agent' ? 'agent' : line.speaker === 'user' ? 'caller' : `channel ${line.channel + 1}`);

/** Issue 16: each channel's speech level, noise floor, SNR, clipping and longest dead air, from the recording's analysis. */
export function LineQualityTable({ lines }: { lines: readonly ChannelLine[] }) {
  return (
    <table className="metrics-table" aria-label="Line quality">
      <caption className="section-title">Line quality</caption>
      <thead>
        <tr>
          <th scope="col">channel</th>
          <th scope="col">speech</th>
          <th scope="col">noise floor</th>
          <th scope="col">SNR</th>
          <th scope="col">clipping</th>
          <th scope="col">dead air</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.channel}>
            <th scope="row">{whose(line)}</th>
            <td>{line.speech_dbfs === null ? '—' : `${line.speech_dbfs.toFixed(1)} dBFS`}</td>
            <td>{line.noise_dbfs === null ? '—' : `${line.noise_dbfs.toFixed(1)} dBFS`}</td>
            <td className={line.snr_db !== null && line.snr_db < 15 ? 'slow' : undefined}>{formatDb(line.snr_db)}</td>
            <td className={line.clipping_share !== null && line.clipping_share > 0.001 ? 'slow' : undefined}>{formatShare(line.clipping_share)}</td>
            <td className={line.dead_air_ms > 0 ? 'slow' : undefined}>{line.dead_air_ms > 0 ? formatMs(line.dead_air_ms) : 'none'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
