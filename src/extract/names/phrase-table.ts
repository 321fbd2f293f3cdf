/**
 * @module extract/names/phrase-table
 * The anchor scan's table of phrases by the hash of their key word (see anchorscan.ts), and the
 * comparison of a phrase's other words with the words around a key word found in the text.
 */
import { fold, FNV_SEED, fnv, GAP, MARK } from '../text/index.js';

export interface PhraseWord {
  /** Folded (see `fold`). */
  text: string;
  /** May take any ending: the text word need only start with it (Cyrillic stems). */
  stem: boolean;
  /** May also start inside the text word (Arabic writes "and", "in" as prefixes: وبوتين). */
  prefixed: boolean;
}

export interface AnchorPhrase {
  /** The words in order; in the text, each is a whole word, with anything but letters between. */
  words: readonly PhraseWord[];
  /** Index of the word the scan looks for: the rarest, so that few places need a closer look. */
  key: number;
}

// Key words that may run on or start inside a text word are keyed on their first three units
// (a Han name may have only two); the others on the whole word.
export const PREFIX_LEN = 3;
export const KEY_BITS = 20;
// The table of keys in use is looked up for every word of every article: a bitset of the top
// KNOWN_BITS of the key, 16 KB, stays in the first-level cache where a byte per key (1 MB) did not
// (about 7 % of the scan's time). A bit shared by a few keys only sends more words on to the Map.
export const KNOWN_BITS = 17;
// A small integer: V8 hashes those fast, and a table of this size stays in cache.
export const slot = (k: number) => Math.imul(k, 0x85ebca6b) >>> (32 - KEY_BITS);

/** The key of the first `len` word units of `s` from `at`, marks skipped; -1 when the word is shorter. */
export function keyOf(s: string, at: number, len: number, table: Int32Array): number {
  let k = FNV_SEED;
  for (let i = at; len > 0 && i < s.length; i++) {
    const f = table[s.charCodeAt(i)]!;
    if (f === GAP) break;
    if (f === MARK) continue;
    k = fnv(k, f);
    len--;
  }
  return len ? -1 : slot(k);
}

const wordFits = (w: PhraseWord, folded: string, first: boolean) =>
  first && w.prefixed ? folded.includes(w.text) : w.stem ? folded.startsWith(w.text) : folded === w.text;

/**
 * The words around a key word at [from, to) of a text, folded, read on first request only and
 * then shared by every phrase under that key ("russia" keys a dozen descriptions).
 */
class Around {
  private readonly after: [string, number][] = [];
  private readonly before: [string, number][] = [];
  readonly key: string;

  constructor(
    private readonly text: string,
    private readonly from: number,
    private readonly to: number,
    private readonly table: Int32Array,
  ) {
    this.key = fold(text.slice(from, to));
  }

  private gap(i: number): boolean {
    return this.table[this.text.charCodeAt(i)] === GAP;
  }

  /** The n-th word after the key word (from 0) and where it ends, or undefined at the end. */
  next(n: number): [string, number] | undefined {
    while (this.after.length <= n) {
      let s = this.after.at(-1)?.[1] ?? this.to;
      const end = s;
      while (s < this.text.length && this.gap(s)) s++;
      let e = s;
      while (e < this.text.length && !this.gap(e)) e++;
      if (s === end || s === e) return undefined;
      this.after.push([fold(this.text.slice(s, e)), e]);
    }
    return this.after[n];
  }

  /** The n-th word before the key word (from 0) and where it starts, or undefined at the start. */
  prev(n: number): [string, number] | undefined {
    while (this.before.length <= n) {
      let e = this.before.at(-1)?.[1] ?? this.from;
      const start = e;
      while (e > 0 && this.gap(e - 1)) e--;
      let s = e;
      while (s > 0 && !this.gap(s - 1)) s--;
      if (e === start || s === e) return undefined;
      this.before.push([fold(this.text.slice(s, e)), s]);
    }
    return this.before[n];
  }
}

/** The phrase around the key word, as offsets, if all its words are there. */
function around(p: AnchorPhrase, a: Around, from: number, to: number): [number, number] | undefined {
  if (!wordFits(p.words[p.key]!, a.key, p.key === 0)) return undefined;
  let end = to;
  for (let w = p.key + 1; w < p.words.length; w++) {
    const next = a.next(w - p.key - 1);
    if (!next || !wordFits(p.words[w]!, next[0], false)) return undefined;
    end = next[1];
  }
  let start = from;
  for (let w = p.key - 1; w >= 0; w--) {
    const prev = a.prev(p.key - 1 - w);
    if (!prev || !wordFits(p.words[w]!, prev[0], w === 0)) return undefined;
    start = prev[1];
  }
  return [start, end];
}

export class Table {
  // Set where some phrase has the key: most words are turned away here, before any Map lookup.
  private readonly known = new Uint32Array(1 << (KNOWN_BITS - 5));
  private readonly byKey = new Map<number, AnchorPhrase[]>();

  add(key: number, p: AnchorPhrase): void {
    const b = key >>> (KEY_BITS - KNOWN_BITS);
    this.known[b >>> 5]! |= 1 << (b & 31);
    this.byKey.set(key, [...(this.byKey.get(key) ?? []), p]);
  }

  /** The first phrase under `key` whose key word is the text's [from, to). */
  find(key: number, text: string, from: number, to: number, table: Int32Array) {
    if (key < 0) return undefined;
    const b = key >>> (KEY_BITS - KNOWN_BITS);
    if ((this.known[b >>> 5]! & (1 << (b & 31))) === 0) return undefined;
    const phrases = this.byKey.get(key);
    if (!phrases) return undefined;
    const a = new Around(text, from, to, table);
    for (const p of phrases) {
      const hit = around(p, a, from, to);
      if (hit) return hit;
    }
    return undefined;
  }
}

// A word's first this many units are looked up in `Starts` before the rest of it is hashed.
export const START = 3;
const startBit = (k: number) => Math.imul(k, 0x9e3779b1) >>> 16;

/**
 * How the words a scan looks for begin: a bitset by the hash of their first START units (those
 * shorter by the hash of all their units). A text word that begins otherwise can be none of them.
 */
export class Starts {
  private readonly bits = new Uint32Array(1 << 11);
  /** Bit n set: some word added is n < START units long. */
  private short = 0;

  /** Notes a folded word (its units looked up in the fold `table`). */
  add(s: string, table: Int32Array): void {
    const units = [...s].slice(0, START);
    let k = FNV_SEED;
    for (const ch of units) k = fnv(k, table[ch.charCodeAt(0)]!);
    if (units.length < START) this.short |= 1 << units.length;
    const b = startBit(k);
    this.bits[b >>> 5]! |= 1 << (b & 31);
  }

  /** Whether some word added may begin a text word whose hash after n units is `hashes[n]`. */
  has(hashes: Int32Array): boolean {
    for (let len = this.short ? 1 : START; len <= START; len++) {
      if (len < START && !((this.short >>> len) & 1)) continue;
      const b = startBit(hashes[len]!);
      if (this.bits[b >>> 5]! & (1 << (b & 31))) return true;
    }
    return false;
  }
}
