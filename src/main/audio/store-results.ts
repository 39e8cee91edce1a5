import type { Turn } from '../../core/model/call';
import { countWords, segmentTimingMetrics } from '../../core/metrics/compute';
import type { SpeechSegment } from '../../core/metrics/segments';
import type { Db } from '../store/db';
import { putAudioState, setLineFigures } from '../store/audio';
import { deleteMetrics, refreshHeadline, saveMetrics } from '../store/metrics';
import type { AnalyseResponse } from './messages';
import { lineFigures } from '../../core/metrics/line-quality';

/**
 * Stores one finished analysis in a transaction: segments and peaks location, the audio metrics
 * (stereo only: a mono recording cannot tell agent from caller), and the call's headline figures.
 */
export function storeAudioMetrics(
  db: Db,
  callId: number,
  response: Extract<AnalyseResponse, { ok: true }>,
  turns: readonly Turn[],
  peaksPath: string,
  peaksPerSecond: number,
): void {
  const now = new Date().toISOString();
  const speech: SpeechSegment[] = response.segments.flatMap((s) => (s.speaker ? [{ speaker: s.speaker, start_ms: s.start_ms, end_ms: s.end_ms }] : []));
  const words = {
    agent: turns.filter((t) => t.role === 'agent').reduce((n, t) => n + countWords(t.text), 0),
    user: turns.filter((t) => t.role === 'user').reduce((n, t) => n + countWords(t.text), 0),
  };
  db.transaction(() => {
    putAudioState(db, callId, {
      status: 'done',
      error: null,
      sample_rate: response.sampleRate,
      duration_ms: response.durationMs,
      channel_count: response.channelCount,
      agent_channel: response.agentChannel,
      agent_channel_reason: response.agentChannelReason,
      segments: response.segments,
      peaks_path: peaksPath,
      peaks_per_second: peaksPerSecond,
      analysis_ms: response.analysisMs,
      vad: response.vad,
      line_quality: response.lines,
    });
    setLineFigures(db, callId, lineFigures(response.lines));
    if (response.channelCount >= 2) saveMetrics(db, callId, 'audio', segmentTimingMetrics(speech, turns.length > 0 ? words : null), now);
    else deleteMetrics(db, callId, 'audio');
    refreshHeadline(db, callId);
  })();
}
