import { metricsResponse } from '../../core/present/metrics-api';
import type { StoredCall } from '../../core/model/call';
import type { Db } from '../store/db';
import { getAudioState } from '../store/audio';
import { loadMetrics } from '../store/metrics';
import { confirmedLabels } from '../store/overlap-labels';
import { agentHistories, listTurns } from '../store/turns';

/** The metrics document of one call (the API route and the UI's RPC share it). */
export function callMetrics(db: Db, call: StoredCall) {
  const turns = listTurns(db, call.id);
  const audio = getAudioState(db, call.id);
  return metricsResponse(
    call,
    turns,
    {
      ...loadMetrics(db, call.id, turns),
      overlapLabels: confirmedLabels(db, call.id),
      audioState: audio && {
        status: audio.status,
        error: audio.error,
        agent_channel: audio.agent_channel,
        agent_channel_reason: audio.agent_channel_reason,
        analysis_ms: audio.analysis_ms,
        duration_ms: audio.duration_ms,
        vad: audio.vad === 'silero+energy' || audio.vad === 'energy' ? audio.vad : null,
        line_quality: audio.line_quality,
      },
    },
    agentHistories(db, [call.id]).get(call.id) ?? [],
  );
}
