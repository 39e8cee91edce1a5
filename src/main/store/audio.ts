import type { Db } from './db';
import { fromJsonColumn } from './json-columns';
import { stmt } from './statements';
import type { ChannelLine, lineFigures } from '../../core/metrics/line-quality';

/** Query module for `call_audio`: the state and results of a recording's analysis. */

import type { AudioStatus } from '../../core/api/types';

export type { AudioStatus };

export interface AudioSegment {
  speaker: 'agent' | 'user' | null;
  channel: number;
  start_ms: number;
  end_ms: number;
}

export interface AudioState {
  call_id: number;
  status: AudioStatus;
  error: string | null;
  file_path: string | null;
  sample_rate: number | null;
  duration_ms: number | null;
  channel_count: number | null;
  agent_channel: number | null;
  agent_channel_reason: string | null;
  segments: AudioSegment[] | null;
  peaks_path: string | null;
  peaks_per_second: number | null;
  analysis_ms: number | null;
  /** the voice-activity path that measured the recording ('silero+energy' | 'energy'). */
  vad: string | null;
  /** each channel's line quality (issue 16; migration 17). */
  line_quality: ChannelLine[] | null;
  updated_at: string;
}

type Row = Omit<AudioState, 'segments' | 'line_quality'> & { segments: string | null; line_quality: string | null };

const columns = [
  'status', 'error', 'file_path', 'sample_rate', 'duration_ms', 'channel_count', 'agent_channel',
  'agent_channel_reason', 'segments', 'peaks_path', 'peaks_per_second', 'analysis_ms', 'vad', 'line_quality',
] as const;

export function getAudioState(db: Db, callId: number): AudioState | null {
  const row = stmt<[number], Row>(db, 'SELECT * FROM call_audio WHERE call_id = ?').get(callId);
  return row ? { ...row, segments: fromJsonColumn<AudioSegment[]>(row.segments), line_quality: fromJsonColumn<ChannelLine[]>(row.line_quality) } : null;
}

/** Sets the given fields (and clears none of the others). */
export function putAudioState(db: Db, callId: number, patch: Partial<Omit<AudioState, 'call_id' | 'updated_at'>> & { status: AudioStatus }): void {
  const values: Record<string, unknown> = { call_id: callId, updated_at: new Date().toISOString() };
  for (const column of columns) {
    const value = patch[column];
    if (value !== undefined) values[column] = column === 'segments' || column === 'line_quality' ? JSON.stringify(value) : value;
  }
  const names = Object.keys(values);
  const updates = names.filter((n) => n !== 'call_id').map((n) => `${n} = excluded.${n}`);
  stmt(db, `INSERT INTO call_audio (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')}) ON CONFLICT (call_id) DO UPDATE SET ${updates.join(', ')}`).run(values);
}

/** Calls whose recording still waits for analysis (picked up again after a restart). */
export function pendingAudio(db: Db): number[] {
  return stmt<[], { call_id: number }>(db, "SELECT call_id FROM call_audio WHERE status IN ('queued', 'fetching', 'analysing') ORDER BY updated_at").all().map((r) => r.call_id);
}

/** Every file the store names for a call's audio: its recording, the fetched copy, the waveform peaks. */
export function audioFilesOf(db: Db, callId: number): string[] {
  const row = stmt<[number], { recording_path: string | null; file_path: string | null; peaks_path: string | null }>(
    db,
    'SELECT c.recording_path AS recording_path, a.file_path AS file_path, a.peaks_path AS peaks_path FROM calls c LEFT JOIN call_audio a ON a.call_id = c.id WHERE c.id = ?',
  ).get(callId);
  return row ? [row.recording_path, row.file_path, row.peaks_path].filter((path): path is string => path !== null) : [];
}

/** The call's line-quality figures for the list (migration 17), from its recording's analysis. */
export function setLineFigures(db: Db, callId: number, figures: ReturnType<typeof lineFigures>): void {
  stmt(db, 'UPDATE calls SET agent_snr_db = @agent_snr_db, caller_snr_db = @caller_snr_db, clipping_share = @clipping_share, dead_air_ms = @dead_air_ms WHERE id = @id').run({ ...figures, id: callId });
}
