import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { detectPii } from '../src/core/pii/detect';
import { PII_TYPES, spansOverlap, type Finding, type PiiType } from '../src/core/pii/types';

/**
 * Scores PII detection against a labelled set (test/fixtures/pii/utterances.jsonl, the dev set,
 * heldout.jsonl, blind.jsonl, sealed.jsonl, final.jsonl or confirm.jsonl; conventions in their README): per entity type TP / FP / FN, precision and recall, and
 * the misses and false alarms.
 * A prediction matches a gold entity when the types are equal (or in the same merged group) and the
 * character spans overlap; each gold entity is matched at most once, so a second fragment of one
 * entity counts as a false alarm.
 */

export const LABELLED_SET = 'test/fixtures/pii/utterances.jsonl';
/** Written apart from the detectors and never tuned against, so its figures are an honest estimate. */
export const HELDOUT_SET = 'test/fixtures/pii/heldout.jsonl';
/** Written later, apart from the detectors and from both other sets, and never looked at for misses. */
export const BLIND_SET = 'test/fixtures/pii/blind.jsonl';
/** Written last, apart from the detectors and all three other sets, to measure the final figures once. */
export const SEALED_SET = 'test/fixtures/pii/sealed.jsonl';
/** Written after all four other sets, apart from the detectors and from them, for the final figures. */
export const FINAL_SET = 'test/fixtures/pii/final.jsonl';
/** Written after all five other sets, apart from the detectors and from them, to confirm the final figures. */
export const CONFIRM_SET = 'test/fixtures/pii/confirm.jsonl';

const entitySchema = z.object({
  type: z.enum(PII_TYPES),
  text: z.string().min(1),
  occurrence: z.number().int().min(1).optional(),
});

const utteranceSchema = z.object({
  id: z.string().min(1),
  role: z.enum(['user', 'agent']),
  form: z.enum(['written', 'spoken']),
  text: z.string().min(1),
  entities: z.array(entitySchema),
  negative: z.boolean().optional(),
});

export type LabelledUtterance = z.infer<typeof utteranceSchema>;

/** A gold entity placed in its utterance: `[start, end)` are offsets into the utterance text. */
export interface GoldEntity {
  type: PiiType;
  start: number;
  end: number;
  text: string;
}

/** Where the `occurrence`-th (1-based) copy of `needle` starts in `text`, or -1. */
export function nthIndexOf(text: string, needle: string, occurrence: number): number {
  let at = -1;
  for (let n = 0; n < occurrence; n++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

/** The gold entities of one utterance with their spans; throws when a label is not in the text. */
export function goldEntities(utterance: LabelledUtterance): GoldEntity[] {
  return utterance.entities.map((entity) => {
    const start = nthIndexOf(utterance.text, entity.text, entity.occurrence ?? 1);
    if (start < 0) throw new Error(`${utterance.id}: "${entity.text}" (occurrence ${entity.occurrence ?? 1}) is not in the text`);
    return { type: entity.type, start, end: start + entity.text.length, text: entity.text };
  });
}

/** Parses the JSON Lines of the labelled set; a malformed line throws with its line number. */
export function parseLabelledSet(jsonl: string): LabelledUtterance[] {
  return jsonl
    .split('\n')
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, number }) => {
      const parsed = utteranceSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`line ${number}: ${parsed.error.message}`);
      return parsed.data;
    });
}

/**
 * A labelled set's path (`file` relative to the repository), found by walking up from `from` to the
 * folder that holds it: the same answer from the source tree (vitest) and from the built bench in out/bench.
 */
export function labelledSetPath(file: string = LABELLED_SET, from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, file);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`${file} not found above ${from}`);
  }
}

export function loadLabelledSet(path: string = labelledSetPath()): LabelledUtterance[] {
  return parseLabelledSet(readFileSync(path, 'utf8'));
}

export interface TypeScore {
  /** gold entities of this type (or group). */
  support: number;
  tp: number;
  fp: number;
  fn: number;
  /** null when nothing was predicted. */
  precision: number | null;
  /** null when the set has no entity of this type. */
  recall: number | null;
}

/** A gold entity nobody found, or a finding that matches no gold entity. */
export interface Mistake {
  id: string;
  type: PiiType;
  text: string;
  utterance: string;
  /** for a false alarm: the gold entities it overlaps (of other types), e.g. "money: $12.50". */
  overlaps: string[];
}

export interface PiiScore {
  /** keyed by type, and by the name of every merged group. */
  byType: Record<string, TypeScore>;
  misses: Mistake[];
  falseAlarms: Mistake[];
}

export type Detect = (text: string) => Finding[];

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

function toScore(tally: Tally): TypeScore {
  const predicted = tally.tp + tally.fp;
  const support = tally.tp + tally.fn;
  return {
    support,
    ...tally,
    precision: predicted === 0 ? null : tally.tp / predicted,
    recall: support === 0 ? null : tally.tp / support,
  };
}

/** One-to-one matching of findings to gold entities, where `key` decides which types are equal. */
function matchUtterance(gold: readonly GoldEntity[], found: readonly Finding[], key: (type: PiiType) => string): { matched: Set<number>; unmatched: Finding[] } {
  const matched = new Set<number>();
  const unmatched: Finding[] = [];
  for (const finding of [...found].sort((a, b) => a.start - b.start)) {
    const index = gold.findIndex((g, i) => !matched.has(i) && key(g.type) === key(finding.type) && spansOverlap(g, finding));
    if (index >= 0) matched.add(index);
    else unmatched.push(finding);
  }
  return { matched, unmatched };
}

/**
 * Runs `detect` on every utterance and scores it per type, and per merged group (e.g.
 * `{ 'iban/account': ['bank_account', 'account_number'] }`, where the member types count as one).
 */
export function scoreLabelledSet(
  utterances: readonly LabelledUtterance[],
  detect: Detect = (text) => detectPii(text),
  groups: Readonly<Record<string, readonly PiiType[]>> = {},
): PiiScore {
  const tallies = new Map<string, Tally>();
  const tally = (name: string): Tally => {
    let t = tallies.get(name);
    if (!t) tallies.set(name, (t = { tp: 0, fp: 0, fn: 0 }));
    return t;
  };
  for (const type of PII_TYPES) tally(type);
  for (const name of Object.keys(groups)) tally(name);
  const groupOf = (type: PiiType): string | undefined => Object.keys(groups).find((name) => groups[name]?.includes(type));
  const misses: Mistake[] = [];
  const falseAlarms: Mistake[] = [];

  for (const utterance of utterances) {
    const gold = goldEntities(utterance);
    const found = detect(utterance.text);
    const exact = matchUtterance(gold, found, (type) => type);
    gold.forEach((g, i) => {
      if (exact.matched.has(i)) tally(g.type).tp++;
      else {
        tally(g.type).fn++;
        misses.push({ id: utterance.id, type: g.type, text: g.text, utterance: utterance.text, overlaps: [] });
      }
    });
    for (const f of exact.unmatched) {
      tally(f.type).fp++;
      const overlaps = gold.filter((g) => spansOverlap(g, f)).map((g) => `${g.type}: ${g.text}`);
      falseAlarms.push({ id: utterance.id, type: f.type, text: f.text, utterance: utterance.text, overlaps });
    }
    if (Object.keys(groups).length === 0) continue;
    const merged = matchUtterance(gold, found, (type) => groupOf(type) ?? type);
    gold.forEach((g, i) => {
      const group = groupOf(g.type);
      if (group) tally(group)[merged.matched.has(i) ? 'tp' : 'fn']++;
    });
    for (const f of merged.unmatched) {
      const group = groupOf(f.type);
      if (group) tally(group).fp++;
    }
  }
  return { byType: Object.fromEntries([...tallies].map(([name, t]) => [name, toScore(t)])), misses, falseAlarms };
}

/** The misses and false alarms as lines for a terminal, optionally only of some types. */
export function formatMistakes(score: PiiScore, types?: ReadonlySet<PiiType>): string {
  const keep = (m: Mistake) => !types || types.has(m.type);
  const line = (m: Mistake) => `  ${m.id}  ${m.type.padEnd(20)} "${m.text}"${m.overlaps.length > 0 ? `  (overlaps ${m.overlaps.join(', ')})` : ''}\n      in: ${m.utterance}`;
  const misses = score.misses.filter(keep);
  const falseAlarms = score.falseAlarms.filter(keep);
  return [`misses (${misses.length}):`, ...misses.map(line), `false alarms (${falseAlarms.length}):`, ...falseAlarms.map(line)].join('\n');
}
