import type { CallFacts } from './call';

/**
 * Where a call is in its life, as one payload tells it: registered < ongoing < ended < analyzed.
 * Webhooks arrive in any order (Retell's call_started can come after call_analyzed), so a merge
 * goes by this, never by arrival (issue 17): a payload from an earlier stage only fills gaps.
 */
export const STAGES = ['registered', 'ongoing', 'ended', 'analyzed'] as const;
export type Stage = (typeof STAGES)[number];

const stageByStatus: Record<string, Stage> = {
  registered: 'registered',
  queued: 'registered',
  scheduled: 'registered',
  ringing: 'registered',
  initiated: 'registered',
  created: 'registered',
  pending: 'registered',
  ongoing: 'ongoing',
  'in-progress': 'ongoing',
  in_progress: 'ongoing',
  started: 'ongoing',
  active: 'ongoing',
  forwarding: 'ongoing',
  answered: 'ongoing',
  ended: 'ended',
  completed: 'ended',
  complete: 'ended',
  finished: 'ended',
  done: 'ended',
  processing: 'ended',
  error: 'ended',
  failed: 'ended',
  not_connected: 'ended',
  busy: 'ended',
  'no-answer': 'ended',
  canceled: 'ended',
  cancelled: 'ended',
  voicemail: 'ended',
  analyzed: 'analyzed',
};

/** Events that say the stage themselves, whatever status the call object in them shows. */
const stageByFormat: Record<string, Stage> = {
  'retell.webhook.call_started': 'ongoing',
  'retell.webhook.transcript_updated': 'ongoing',
  'retell.webhook.transfer_started': 'ongoing',
  'retell.webhook.transfer_bridged': 'ongoing',
  'retell.webhook.transfer_cancelled': 'ongoing',
  'retell.webhook.transfer_ended': 'ongoing',
  'retell.webhook.call_ended': 'ended',
  'retell.webhook.call_analyzed': 'analyzed',
  'vapi.server-message.end-of-call-report': 'ended',
};

const rank = (stage: Stage): number => STAGES.indexOf(stage);

function statusStage(facts: Pick<CallFacts, 'provider' | 'status'>): Stage | null {
  const status = facts.status?.trim().toLowerCase();
  if (!status) return null;
  // ElevenLabs: "processing" = ended, analysis running; "done" = analysed.
  if (facts.provider === 'elevenlabs' && status === 'done') return 'analyzed';
  return Object.hasOwn(stageByStatus, status) ? (stageByStatus[status] ?? null) : null;
}

/** The stage a payload's facts (or a stored call's) put the call at; null when they do not say. */
export function lifecycleStage(facts: Pick<CallFacts, 'provider' | 'source_format' | 'status' | 'extra'>): Stage | null {
  const byStatus = statusStage(facts);
  // a call_started carries "registered" or "ongoing"; the status is the finer word there
  const byFormat = Object.hasOwn(stageByFormat, facts.source_format) ? stageByFormat[facts.source_format] : undefined;
  const stated = byFormat === 'ongoing' && byStatus === 'registered' ? byStatus : (byFormat ?? byStatus);
  // Retell's analysis comes with the call object itself (get-call after analysis)
  const analysed = facts.extra?.call_analysis != null && (facts.provider === 'retell' || facts.provider === 'wrapped-retell');
  if (analysed && (stated === null || rank(stated) >= rank('ended'))) return 'analyzed';
  return stated;
}

/**
 * Whether a payload at `incoming` is at least as far on as the stored call: then its facts win.
 * A payload that does not say where the call is counts as earlier than one that does.
 */
export function isLaterOrSame(incoming: Stage | null, stored: Stage | null): boolean {
  if (incoming === null) return stored === null;
  return stored === null || rank(incoming) >= rank(stored);
}
