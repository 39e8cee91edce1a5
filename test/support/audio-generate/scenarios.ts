import {
  AGENT_AFTER_HOLD,
  AGENT_HOLD,
  AGENT_INTERRUPTIONS,
  AGENT_LONG,
  AGENT_TURNS,
  BACKCHANNELS,
  USER_INTERRUPTIONS,
  USER_LONG,
  USER_TURNS,
  VOICES,
} from './phrases';
import type { VoiceSettings } from './render';
import { interruptedTurn, random, scriptBuilder, turn, turnWithBackchannels, type Random, type ScriptBuilder } from './script-builder';
import type { CallScript, Speaker } from './types';

export const SCENARIO_NAMES = ['basic', 'slow-replies', 'overlaps', 'backchannels', 'long-silences', 'noisy'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/**
 * What each scenario promises, to the millisecond (the script is built from the rendered
 * lengths). The tests hold the generated truth to these ranges.
 */
export const SCENARIO_RANGES = {
  /** agent replies after a user turn. */
  replyMs: { basic: [600, 1500], 'slow-replies': [2000, 5000] },
  /** the gap before a user turn. */
  userGapMs: [400, 1200],
  overlapMs: [300, 1500],
  /** the long silences of 'long-silences'. */
  silenceMs: [3200, 7000],
  noiseDb: [-45, -38],
} as const;

/** Phrases dealt in a shuffled order, reshuffled when all are used. */
function deck(rng: Random, phrases: readonly string[]): () => string {
  let pile: string[] = [];
  return () => {
    if (pile.length === 0) pile = rng.shuffle(phrases);
    return pile.pop() ?? '';
  };
}

/** Two different voices per call; across the six scenarios every voice in VOICES is used. */
function voicesFor(name: ScenarioName, seed: number, rng: Random): Record<Speaker, VoiceSettings> {
  const first = 2 * SCENARIO_NAMES.indexOf(name) + seed;
  return {
    agent: { voice: VOICES[first % VOICES.length] ?? 'en-us', speed: 5 * rng.int(32, 38) },
    user: { voice: VOICES[(first + 1) % VOICES.length] ?? 'en-gb', speed: 5 * rng.int(29, 40) },
  };
}

function userGap(rng: Random): number {
  return rng.int(SCENARIO_RANGES.userGapMs[0], SCENARIO_RANGES.userGapMs[1]);
}

/** Greeting, then `exchanges` user turns each answered by the agent after `replyMs`. */
function exchanges(builder: ScriptBuilder, rng: Random, count: number, replyMs: readonly [number, number]): void {
  const agentLine = deck(rng, AGENT_TURNS.slice(1));
  const userLine = deck(rng, USER_TURNS);
  turn(builder, 'agent', AGENT_TURNS[0] ?? '', rng.int(300, 900));
  for (let i = 0; i < count; i++) {
    turn(builder, 'user', userLine(), userGap(rng));
    turn(builder, 'agent', agentLine(), rng.int(replyMs[0], replyMs[1]));
  }
}

/** Three overlaps each way, short (300-500), middling (700-1000) and long (1200-1500), in random order. */
function overlaps(builder: ScriptBuilder, rng: Random): void {
  const ladder = (): number[] => rng.shuffle([rng.int(300, 500), rng.int(700, 1000), rng.int(1200, 1500)]);
  const userOverlaps = ladder();
  const agentOverlaps = ladder();
  const agentLine = deck(rng, AGENT_TURNS.slice(1));
  const userLine = deck(rng, USER_TURNS);
  turn(builder, 'agent', AGENT_TURNS[0] ?? '', rng.int(300, 900));
  turn(builder, 'user', userLine(), userGap(rng));
  for (let k = 0; k < 3; k++) {
    interruptedTurn(
      builder,
      { speaker: 'agent', text: AGENT_LONG[k] ?? '', gapMs: rng.int(600, 1200) },
      { text: USER_INTERRUPTIONS[k] ?? '', afterMs: rng.int(900, 1800), overlapMs: userOverlaps[k] ?? 500 },
    );
    turn(builder, 'agent', agentLine(), rng.int(600, 1200));
    interruptedTurn(
      builder,
      { speaker: 'user', text: USER_LONG[k] ?? '', gapMs: userGap(rng) },
      { text: AGENT_INTERRUPTIONS[k] ?? '', afterMs: rng.int(900, 1800), overlapMs: agentOverlaps[k] ?? 500 },
    );
    turn(builder, 'user', userLine(), userGap(rng));
  }
  turn(builder, 'agent', AGENT_TURNS[AGENT_TURNS.length - 1] ?? '', rng.int(600, 1200));
}

/**
 * Long agent turns with the caller's backchannels inside, and long caller turns with the
 * agent's. Each long caller turn follows an agent turn directly (a caller turn before it would
 * make the agent's backchannel a "reply" under the METRICS.md latency rule).
 */
function backchannels(builder: ScriptBuilder, rng: Random): void {
  const word = deck(rng, BACKCHANNELS);
  const userLine = deck(rng, USER_TURNS);
  turn(builder, 'agent', AGENT_TURNS[0] ?? '', rng.int(300, 900));
  turn(builder, 'user', userLine(), userGap(rng));
  for (let k = 0; k < 2; k++) {
    turnWithBackchannels(builder, { speaker: 'agent', text: AGENT_LONG[k + 1] ?? '', gapMs: rng.int(600, 1200) }, [word(), word()], rng);
    turnWithBackchannels(builder, { speaker: 'user', text: USER_LONG[k + 1] ?? '', gapMs: userGap(rng) }, [word()], rng);
    turn(builder, 'agent', AGENT_TURNS[k + 1] ?? '', rng.int(600, 1200));
    turn(builder, 'user', userLine(), userGap(rng));
  }
  turn(builder, 'agent', AGENT_TURNS[AGENT_TURNS.length - 1] ?? '', rng.int(600, 1200));
}

/** A caller who takes a while, an agent on hold, and a slow agent reply: three gaps of 3.2-7 s. */
function longSilences(builder: ScriptBuilder, rng: Random): void {
  const agentLine = deck(rng, AGENT_TURNS.slice(1, -1));
  const userLine = deck(rng, USER_TURNS);
  turn(builder, 'agent', AGENT_TURNS[0] ?? '', rng.int(300, 900));
  turn(builder, 'user', userLine(), rng.int(3500, 5000));
  turn(builder, 'agent', agentLine(), rng.int(600, 1400));
  turn(builder, 'user', userLine(), userGap(rng));
  turn(builder, 'agent', AGENT_HOLD, rng.int(700, 1200));
  turn(builder, 'agent', AGENT_AFTER_HOLD, rng.int(4000, 7000));
  turn(builder, 'user', userLine(), userGap(rng));
  turn(builder, 'agent', agentLine(), rng.int(3200, 4500));
  turn(builder, 'user', userLine(), userGap(rng));
  turn(builder, 'agent', AGENT_TURNS[AGENT_TURNS.length - 1] ?? '', rng.int(600, 1200));
}

/** A scripted call of the named kind; the same (name, seed) always gives the same script. */
export function scenario(name: ScenarioName, seed = 1): CallScript {
  const safeSeed = Math.abs(Math.trunc(seed));
  const rng = random(safeSeed * 7919 + SCENARIO_NAMES.indexOf(name));
  const builder = scriptBuilder(voicesFor(name, safeSeed, rng));
  let agentChannel: 0 | 1 = 0;
  let noiseDb: number | null = null;
  switch (name) {
    case 'basic':
      exchanges(builder, rng, 5, SCENARIO_RANGES.replyMs.basic);
      break;
    case 'slow-replies':
      agentChannel = 1;
      exchanges(builder, rng, 5, SCENARIO_RANGES.replyMs['slow-replies']);
      break;
    case 'overlaps':
      overlaps(builder, rng);
      break;
    case 'backchannels':
      agentChannel = 1;
      backchannels(builder, rng);
      break;
    case 'long-silences':
      longSilences(builder, rng);
      break;
    case 'noisy':
      agentChannel = 1;
      noiseDb = rng.int(SCENARIO_RANGES.noiseDb[0], SCENARIO_RANGES.noiseDb[1]);
      exchanges(builder, rng, 4, SCENARIO_RANGES.replyMs.basic);
      break;
  }
  return { utterances: builder.utterances, agentChannel, noiseDb, tailMs: rng.int(500, 1500) };
}
