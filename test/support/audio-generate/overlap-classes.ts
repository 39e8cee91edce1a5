import { FLOOR_TAKEN_MS, type OverlapClass } from '../../../src/core/metrics/overlap-verdicts';
import { CROSSTALK_MAX_MS, SHORT_BACKCHANNEL_MS } from '../../../src/core/metrics/overlaps';
import { spokenMs } from './measure';
import { VOICES } from './phrases';
import { other, place, random, scriptBuilder, turn, type Random, type ScriptBuilder } from './script-builder';
import type { CallScript, Speaker } from './types';

/**
 * Calls whose overlaps' classes (src/core/metrics/overlap-verdicts.ts) are known by construction:
 * each episode is built to one class, its figures well clear of the classifier's thresholds, and
 * episodes are separated by a second or more of nothing so they cannot touch. The hosts and
 * interruptions have no commas: a pause inside a sentence could split the host's speech on the
 * audio path, which is a segmentation question, not the classification one measured here.
 */
export interface OverlapTruth {
  /** when the speaker who started inside the other's speech started (ms from recording start). */
  at_ms: number;
  class: OverlapClass;
  /** who started inside the other's speech. */
  speaker: Speaker;
  /** how long the agent talked on after the caller started: barge_in and false_cut_off only. */
  yield_ms: number | null;
}

export interface OverlapClassesCall {
  script: CallScript;
  truth: OverlapTruth[];
}

const AGENT_HOSTS = [
  'I can see two openings next week on Tuesday morning at nine thirty and another one on Thursday afternoon at a quarter past two',
  'Before we book anything I need to confirm the member number on your insurance plan and the name of the primary holder on the account',
  'Our office is open from eight in the morning until six in the evening on weekdays and from nine until one on Saturdays',
  'To move an appointment you can call us at least a day ahead or use the patient portal on our website at any time of the day',
  'The cleaning usually takes about forty five minutes and the hygienist will also take a fresh set of x rays if your last ones are old',
];

const USER_HOSTS = [
  'I was hoping to come in sometime next week because I have been having some sensitivity on the left side whenever I drink something cold',
  'My insurance changed at the start of the year so I am not sure whether the new plan covers cleanings twice a year or only once',
  'I usually work until five on weekdays so an appointment late in the afternoon or early on a Saturday morning would be the easiest for me',
  'Last time I was there the parking lot was full so I had to park on the street and I ended up arriving almost fifteen minutes late',
];

/** Whole sentences, far longer than any yield: the interrupter talks on long after the host stops. */
const USER_BARGE_INS = [
  'Sorry but can I stop you there for a second because I have a quick question',
  'Wait actually Thursday would work much better for me this time',
  'Hold on I think the number you have for me is the wrong one',
  'Sorry to cut in but I only have a minute before my next meeting',
];

const AGENT_TALK_OVERS = [
  'Sorry to interrupt but could you repeat your date of birth for me please',
  'Let me stop you there because I can check that for you right now',
  'I am sorry but I did not catch that last part so could you say it again',
];

/** The caller's short sounds that stop the agent without the caller taking the floor. */
const FALSE_CUT_SOUNDS = ['mm-hmm', 'okay', 'oh wait', 'ahem', 'uh-huh'];
const BACKCHANNELS = ['mm-hmm', 'uh-huh', 'okay', 'yeah', 'right'];

const AGENT_REPLIES = ['Of course, go ahead.', 'Sure, what would you like to change?', 'No problem, tell me more.', 'I understand.'];
const AGENT_RESUMES = ['As I was saying, that is what we have.', 'Sorry, let me finish that thought.', 'Anyway, where was I.'];
const USER_REPLIES = ['Sure, it is March fourth.', 'Okay, go ahead and check.', 'Yes, that is right.'];

/** Margins kept from the classifier's thresholds, so a class stays what it was built to be on audio. */
export const OVERLAP_MARGINS = {
  /** a barge-in or talk-over: the host yields this long after the interrupter starts. */
  yieldMs: [300, 900],
  /**
   * a false cut-off: the caller's sound ends this long after the agent stops, in the middle of
   * (0, FLOOR_TAKEN_MS): at 0 it would be a backchannel (the agent "went on"), at 300 a barge-in.
   */
  soundOnMs: [FLOOR_TAKEN_MS * 0.4, FLOOR_TAKEN_MS * 0.6],
  /** backchannels and cut-off sounds at least this long (the overlap must pass CROSSTALK_MAX_MS). */
  minShortMs: 300,
} as const;

const pick = <T>(items: readonly T[], index: number): T => {
  const item = items[index % items.length];
  if (item === undefined) throw new Error('overlap-classes: empty phrase list');
  return item;
};

/** The host's speech, with the other speaker starting `afterMs` in; the host stops `yieldMs` later. */
function cutInto(builder: ScriptBuilder, host: { speaker: Speaker; text: string }, cut: { text: string; afterMs: number; yieldMs: number }, gapMs: number): { at_ms: number; cutEnd: number } {
  const hostSpoken = place(builder, { speaker: host.speaker, text: host.text, start_ms: builder.floorEnd + gapMs, kind: 'turn' });
  if (hostSpoken.end_ms - hostSpoken.start_ms < cut.afterMs + cut.yieldMs + 500) throw new Error(`overlap-classes: "${host.text}" is too short to be cut ${cut.afterMs} ms in`);
  const spoken = place(builder, { speaker: other(host.speaker), text: cut.text, start_ms: hostSpoken.start_ms + cut.afterMs, kind: 'interruption', overlap_ms: cut.yieldMs });
  builder.floorEnd = spoken.end_ms;
  return { at_ms: spoken.start_ms, cutEnd: spoken.end_ms };
}

type Episode = (builder: ScriptBuilder, rng: Random, round: number) => OverlapTruth;

/** The caller cuts into the agent, the agent stops after the yield, the caller talks on and is answered. */
const bargeIn: Episode = (builder, rng, round) => {
  const yieldMs = rng.int(OVERLAP_MARGINS.yieldMs[0], OVERLAP_MARGINS.yieldMs[1]);
  const text = pick(USER_BARGE_INS, round + rng.int(0, 3));
  const { at_ms, cutEnd } = cutInto(builder, { speaker: 'agent', text: pick(AGENT_HOSTS, round + rng.int(0, 4)) }, { text, afterMs: rng.int(1000, 2000), yieldMs }, rng.int(900, 1500));
  if (cutEnd - (at_ms + yieldMs) < 2 * FLOOR_TAKEN_MS) throw new Error(`overlap-classes: "${text}" is too short to take the floor`);
  turn(builder, 'agent', pick(AGENT_REPLIES, round), rng.int(600, 1000));
  return { at_ms, class: 'barge_in', speaker: 'user', yield_ms: yieldMs };
};

/** The agent cuts into the caller and talks on; the caller yields, then answers. */
const agentTalkOver: Episode = (builder, rng, round) => {
  const yieldMs = rng.int(OVERLAP_MARGINS.yieldMs[0], OVERLAP_MARGINS.yieldMs[1]);
  const { at_ms } = cutInto(builder, { speaker: 'user', text: pick(USER_HOSTS, round + rng.int(0, 3)) }, { text: pick(AGENT_TALK_OVERS, round + rng.int(0, 2)), afterMs: rng.int(1000, 2000), yieldMs }, rng.int(900, 1500));
  turn(builder, 'user', pick(USER_REPLIES, round), rng.int(500, 900));
  return { at_ms, class: 'agent_talk_over', speaker: 'agent', yield_ms: null };
};

/** A short word of the listener's inside the host's long sentence, which goes on for seconds. */
function backchannelBy(listener: Speaker): Episode {
  return (builder, rng, round) => {
    const host = other(listener);
    const hostSpoken = turn(builder, host, pick(host === 'agent' ? AGENT_HOSTS : USER_HOSTS, round + rng.int(0, 4)), rng.int(900, 1500));
    const word = shortWord(builder, listener, BACKCHANNELS, rng);
    const start = hostSpoken.start_ms + rng.int(1000, Math.max(1000, hostSpoken.end_ms - hostSpoken.start_ms - word.ms - 1500));
    const spoken = place(builder, { speaker: listener, text: word.text, start_ms: start, kind: 'backchannel' });
    if (spoken.end_ms > hostSpoken.end_ms - 1000) throw new Error(`overlap-classes: no room for "${word.text}" in the host's speech`);
    return { at_ms: spoken.start_ms, class: 'backchannel', speaker: listener, yield_ms: null };
  };
}

/**
 * The caller makes a short sound, the agent stops before it ends, the sound ends well before the
 * floor would count as taken, nobody speaks for a second or more, and the agent resumes.
 */
const falseCutOff: Episode = (builder, rng, round) => {
  const word = shortWord(builder, 'user', FALSE_CUT_SOUNDS, rng, OVERLAP_MARGINS.yieldMs[0] + OVERLAP_MARGINS.soundOnMs[1]);
  const soundOn = rng.int(OVERLAP_MARGINS.soundOnMs[0], OVERLAP_MARGINS.soundOnMs[1]);
  const yieldMs = Math.floor(word.ms - soundOn);
  const { at_ms, cutEnd } = cutInto(builder, { speaker: 'agent', text: pick(AGENT_HOSTS, round + rng.int(0, 4)) }, { text: word.text, afterMs: rng.int(1000, 2000), yieldMs }, rng.int(900, 1500));
  if (cutEnd - (at_ms + yieldMs) >= FLOOR_TAKEN_MS) throw new Error('overlap-classes: the cut-off sound would take the floor');
  turn(builder, 'agent', pick(AGENT_RESUMES, round), rng.int(1000, 1600));
  return { at_ms, class: 'false_cut_off', speaker: 'user', yield_ms: yieldMs };
};

/** One of `words` that this speaker says long enough (and short enough) to be measured as built. */
function shortWord(builder: ScriptBuilder, speaker: Speaker, words: readonly string[], rng: Random, minMs: number = OVERLAP_MARGINS.minShortMs): { text: string; ms: number } {
  for (const text of rng.shuffle(words)) {
    const ms = spokenMs(text, builder.voices[speaker]);
    if (ms >= Math.max(minMs, CROSSTALK_MAX_MS + 100) && ms <= SHORT_BACKCHANNEL_MS - 300) return { text, ms };
  }
  throw new Error(`overlap-classes: no word of ${words.join(', ')} is between ${minMs} and ${SHORT_BACKCHANNEL_MS - 300} ms in ${builder.voices[speaker].voice}`);
}

/**
 * A call of `rounds` rounds, each with one episode of every class in random order (the
 * backchannel's listener alternating between caller and agent): 4 labelled overlaps per round.
 * The same (seed, rounds) always gives the same call; seeds vary the voices and speeds.
 */
export function overlapClassesCall(seed: number, rounds = 4): OverlapClassesCall {
  const safeSeed = Math.abs(Math.trunc(seed));
  const rng = random(safeSeed * 7919 + 16);
  const builder = scriptBuilder({
    agent: { voice: pick(VOICES, safeSeed), speed: 5 * rng.int(32, 35) },
    user: { voice: pick(VOICES, safeSeed + 3), speed: 5 * rng.int(30, 33) },
  });
  turn(builder, 'agent', 'Thanks for calling Riverside Dental, this is Ava. How can I help you today?', rng.int(300, 900));
  const truth: OverlapTruth[] = [];
  for (let round = 0; round < rounds; round++) {
    const episodes: Episode[] = [bargeIn, backchannelBy(round % 2 === 0 ? 'user' : 'agent'), agentTalkOver, falseCutOff];
    for (const episode of rng.shuffle(episodes)) truth.push(episode(builder, rng, round));
  }
  turn(builder, 'agent', 'Thanks for calling, have a great day.', rng.int(900, 1500));
  return { script: { utterances: builder.utterances, agentChannel: safeSeed % 2 === 0 ? 1 : 0, noiseDb: null, tailMs: 800 }, truth };
}
