/**
 * A small seeded mutator for the ingest fuzz run: the same seed gives the same bodies, so a
 * failure names the seed and the body's number and can be replayed.
 */
export interface Rng {
  next(): number;
  int(below: number): number;
  pick<T>(values: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32: tiny, fast, good enough to spread mutations. */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return {
    next,
    int,
    pick: <T>(values: readonly T[]) => values[int(values.length)] as T,
    chance: (p) => next() < p,
  };
}

const deeply = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

/** Values that have broken parsers before: out-of-range numbers, odd strings, wrong shapes. */
const oddValues: readonly (() => unknown)[] = [
  () => null,
  () => true,
  () => 0,
  () => -1,
  () => 1.5,
  () => 1e20,
  () => -1e20,
  () => Number.MAX_SAFE_INTEGER,
  () => 1e-300,
  () => '',
  () => ' ',
  () => 'x'.repeat(5000),
  () => '__proto__',
  () => 'NaN',
  () => '1e999',
  () => '\u0000\ud800\uffff',
  () => '2026-13-45T99:99:99Z',
  () => '+275760-09-14T00:00:00Z',
  () => '{"unterminated": ',
  () => [],
  () => {
    return {};
  },
  () => [null, 1, 'a'],
  () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
  () => deeply(40),
  () => Array.from({ length: 300 }, (_, i) => ({ role: i % 2 ? 'user' : 'agent', content: 'a' })),
];

const oddKeys = ['__proto__', 'constructor', 'prototype', '', 'role', 'event', 'type', 'call', 'data', 'messages', 'transcript'];

type Container = Record<string, unknown> | unknown[];
const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

/** Every container in the document, with the document itself. */
function containers(document: unknown, limit = 2000): Container[] {
  const found: Container[] = [];
  const pending: unknown[] = [document];
  while (pending.length > 0 && found.length < limit) {
    const value = pending.pop();
    if (!isContainer(value)) continue;
    found.push(value);
    for (const member of Object.values(value)) if (isContainer(member)) pending.push(member);
  }
  return found;
}

function mutateOnce(document: unknown, rng: Rng): unknown {
  const targets = containers(document);
  if (targets.length === 0) return rng.pick(oddValues)();
  const target = rng.pick(targets);
  const keys: (string | number)[] = Array.isArray(target) ? target.map((_, i) => i) : Object.keys(target);
  const key = keys.length > 0 ? rng.pick(keys) : null;
  const at = target as Record<string | number, unknown>;
  switch (rng.int(6)) {
    case 0:
    case 1:
      if (key !== null) at[key] = rng.pick(oddValues)();
      break;
    case 2:
      if (key !== null) {
        if (Array.isArray(target)) target.splice(Number(key), 1);
        else delete at[key];
      }
      break;
    case 3:
      if (Array.isArray(target) && target.length > 0) {
        const copies = 1 + rng.int(50);
        for (let i = 0; i < copies; i++) target.push(structuredClone(rng.pick(target)));
      }
      break;
    case 4:
      // a value sent as its JSON text, or wrapped in a list
      if (key !== null) at[key] = rng.chance(0.5) ? JSON.stringify(at[key] ?? null) : [at[key]];
      break;
    default:
      if (!Array.isArray(target)) Object.defineProperty(target, rng.pick(oddKeys), { value: rng.pick(oddValues)(), enumerable: true, writable: true, configurable: true });
      break;
  }
  return document;
}

/** One to three structural mutations of a copy of the document. */
export function mutateDocument(document: unknown, rng: Rng): unknown {
  let copy = structuredClone(document);
  const times = 1 + rng.int(3);
  for (let i = 0; i < times; i++) copy = mutateOnce(copy, rng);
  return copy;
}

/** Byte-level damage to a text: cut short, a character changed, junk inserted, a slice repeated. */
export function mutateText(text: string, rng: Rng): string {
  const at = rng.int(Math.max(1, text.length));
  switch (rng.int(4)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return `${text.slice(0, at)}${rng.pick(['"', '{', ']', '\\', '\u0000', ',', 'e9999', '-'])}${text.slice(at + 1)}`;
    case 2:
      return `${text.slice(0, at)}${rng.pick(['\ud800', '"__proto__":{},', '[[[[[[', 'null,', '\\u0000'])}${text.slice(at)}`;
    default: {
      const end = Math.min(text.length, at + 1 + rng.int(200));
      return `${text.slice(0, end)}${text.slice(at, end)}${text.slice(end)}`;
    }
  }
}
