/** Display formats shared by the list and the call view. */

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(h > 0 ? 2 : 1, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

/** A time inside the call: m:ss.t */
export function formatOffset(ms: number | null): string {
  if (ms === null) return '—';
  const tenths = Math.floor(ms / 100);
  const minutes = Math.floor(tenths / 600);
  const seconds = (tenths % 600) / 10;
  return `${minutes}:${seconds.toFixed(1).padStart(4, '0')}`;
}

const two = (n: number) => String(n).padStart(2, '0');

/** Local date and time as `2026-07-02 05:58:31`: four-digit year, sortable, the same in every locale. */
function compactDateTime(date: Date, precision: 'minute' | 'second'): string {
  const minute = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
  return precision === 'minute' ? minute : `${minute}:${two(date.getSeconds())}`;
}

/** `precision: 'minute'` for a list column, where the seconds would not fit. */
export function formatInstant(iso: string | null, precision: 'minute' | 'second' = 'second'): string {
  if (iso === null) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : compactDateTime(date, precision);
}

/** The offset of local time at that instant, "UTC" or e.g. "UTC+02:00": where the times above are read. */
export function utcOffsetLabel(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '−';
  const abs = Math.abs(minutes);
  return `UTC${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** A tooltip for a shown instant: to the second, with the offset of the local time it is written in. */
export function instantTitle(iso: string | null): string | undefined {
  if (iso === null) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${compactDateTime(date, 'second')} local time (${utcOffsetLabel(date)})`;
}

export const roleLabel = { agent: 'Agent', user: 'Caller', tool: 'Tool' } as const;

/** The speaker of a turn; one whose role Callscope does not know is named as the payload names it. */
export function speakerOf(turn: { role: keyof typeof roleLabel | 'other'; raw_role?: string }): string {
  return turn.role === 'other' ? (turn.raw_role ?? 'other') : roleLabel[turn.role];
}

/** A byte count for people: "70 KiB", "10.0 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** A duration measured in the call: "850 ms" under a second, else "2.1 s". */
/** "23.5 dB" (a level or a ratio); "—" when unknown. */
export function formatDb(db: number | null): string {
  return db === null ? '—' : `${db.toFixed(1)} dB`;
}

/** "0.4%" of samples; "0%" exactly none; "—" when unknown. */
export function formatShare(share: number | null): string {
  if (share === null) return '—';
  if (share === 0) return '0%';
  const percent = share * 100;
  return `${percent < 0.1 ? '<0.1' : percent.toFixed(1)}%`;
}

export function formatMs(ms: number | null): string {
  if (ms === null) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
