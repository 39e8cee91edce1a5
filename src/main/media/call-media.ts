import { existsSync } from 'node:fs';
import type { CallMedia } from '../../core/api/types';
import type { StoredCall } from '../../core/model/call';
import type { Db } from '../store/db';
import { getAudioState } from '../store/audio';

/** The local recording file of a call, if it has one: its own file, else the fetched copy. */
export function recordingFileOf(db: Db, call: Pick<StoredCall, 'id' | 'recording_path'>): string | null {
  if (call.recording_path && existsSync(call.recording_path)) return call.recording_path;
  const fetched = getAudioState(db, call.id)?.file_path;
  return fetched && existsSync(fetched) ? fetched : null;
}

export function peaksFileOf(db: Db, callId: number): string | null {
  const state = getAudioState(db, callId);
  return state?.status === 'done' && state.peaks_path && existsSync(state.peaks_path) ? state.peaks_path : null;
}

export function callMedia(db: Db, call: StoredCall): CallMedia {
  const state = getAudioState(db, call.id);
  return {
    audio: recordingFileOf(db, call) !== null,
    peaks: peaksFileOf(db, call.id) !== null,
    channels: state?.channel_count ?? null,
    duration_ms: state?.duration_ms ?? null,
    agent_channel: state?.agent_channel ?? call.agent_channel,
  };
}
