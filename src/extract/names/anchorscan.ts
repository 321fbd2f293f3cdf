/**
 * @module extract/anchorscan
 * Finds whether any of a few hundred phrases occurs in a text, at close to memory speed. V8 tries
 * the branches of a large regular-expression alternation one by one at every position (a flat
 * alternation of the prefilter's names scanned news at 25 MB/s), so instead one loop over the
 * character codes hashes each word, folded (see extract/fold), as it passes; only a word that is
 * the key word of some phrase (one table lookup says so) has its neighbours compared with the
 * rest of that phrase. No regular expression is involved, so none has to be compiled or kept.
 */
import { fold, foldTable, GAP, MARK } from '../text/index.js';

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

export interface AnchorScan {
  /** The offsets [start, end) of the first phrase found in `text`, if any. */
  first(text: string): [number, number] | undefined;
}

// Key words that may run on or start inside a text word are keyed on their first three units
// (a Han name may have only two); the others on the whole word.
const PREFIX_LEN = 3;
const KEY_BITS = 20;
// The table of keys in use is looked up for every word of every article: a bitset of the top
// KNOWN_BITS of the key, 16 KB, stays in the first-level cache where a byte per key (1 MB) did not
// (about 7 % of the scan's time). A bit shared by a few keys only sends more words on to the Map.
const KNOWN_BITS = 17;
const SEED = 0x811c9dc5 | 0;
const mix = (k: number, unit: number) => Math.imul(k ^ unit, 0x01000193);
// A small integer: V8 hashes those fast, and a table of this size stays in cache.
const slot = (k: number) => Math.imul(k, 0x85ebca6b) >>> (32 - KEY_BITS);

/** The key of the first `len` word units of `s` from `at`, marks skipped; -1 when the word is shorter. */
function keyOf(s: string, at: number, len: number, table: Int32Array): number {
  let k = SEED;
  for (let i = at; len > 0 && i < s.length; i++) {
    const f = table[s.charCodeAt(i)]!;
    if (f === GAP) break;
    if (f === MARK) continue;
    k = mix(k, f);
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

class Table {
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

// A stem (see `buildAnchorScan`) may be followed by this many more units in its word.
const MORE = 4;
// Stems are shorter than this many units.
const STEM_UNITS = 32;
const NONE: readonly number[] = [];

/**
 * `phrases`, and `stems`: folded words found at the start of a longer word, followed by one to
 * MORE units (surnames with an ending glued on: "Putina", "Putyinnal"). The scan keeps the hash of
 * each word after each unit, as it reads, and tests the bits of the stem lengths at its end.
 */
export function buildAnchorScan(phrases: readonly AnchorPhrase[], stems: readonly string[] = []): AnchorScan {
  const table = foldTable();
  const byStem = new Map<number, string[]>();
  const stemKnown = new Uint32Array(1 << (KNOWN_BITS - 5));
  let stemLengths = 0;
  for (const s of stems) {
    const units = [...s].map((ch) => table[ch.charCodeAt(0)]!);
    if (units.length >= STEM_UNITS || units.some((u) => u < 0)) continue;
    stemLengths |= 1 << units.length;
    const key = keyOf(s, 0, s.length, table);
    byStem.set(key, [...(byStem.get(key) ?? []), s]);
    const b = key >>> (KEY_BITS - KNOWN_BITS);
    stemKnown[b >>> 5]! |= 1 << (b & 31);
  }
  /** The stem that word [i, j) starts with, hashed `k` over its first `len` units, if any. */
  const stemAt = (text: string, i: number, j: number, k: number) => {
    const key = slot(k);
    const b = key >>> (KEY_BITS - KNOWN_BITS);
    if ((stemKnown[b >>> 5]! & (1 << (b & 31))) === 0) return undefined;
    const found = byStem.get(key);
    if (!found) return undefined;
    const word = fold(text.slice(i, j));
    return found.some((s) => word.startsWith(s)) ? ([i, j] as [number, number]) : undefined;
  };
  const hashes = new Int32Array(STEM_UNITS);
  // By a word's length in units: the stem lengths it may hold, 1 to MORE units shorter.
  const stemLengthsOf = Array.from({ length: STEM_UNITS + MORE }, (_, units) =>
    Array.from({ length: MORE }, (_, m) => units - 1 - m).filter(
      (len) => len > 0 && (stemLengths >>> len) & 1,
    ),
  );
  const whole = new Table();
  const prefixes = new Table();
  // First units of the key words keyed on a prefix, and of those that may start inside a word.
  const prefixFirst = new Uint8Array(65536);
  const inner = new Uint8Array(65536);
  let shortest = PREFIX_LEN;
  let innerFloor = 65536;
  for (const p of phrases) {
    const w = p.words[p.key]!;
    const units = [...w.text].map((ch) => table[ch.charCodeAt(0)]!);
    if (!units.length || units.some((u) => u < 0))
      throw new Error(`phrase key is not one folded word: ${w.text}`);
    const prefixed = p.key === 0 && w.prefixed;
    if (!w.stem && !prefixed) whole.add(keyOf(w.text, 0, w.text.length, table), p);
    else {
      const len = Math.min(PREFIX_LEN, w.text.length);
      prefixes.add(keyOf(w.text, 0, len, table), p);
      prefixFirst[units[0]!] = 1;
      if (prefixed) {
        inner[units[0]!] = 1;
        innerFloor = Math.min(innerFloor, units[0]!);
      }
      shortest = Math.min(shortest, len);
    }
  }

  /** A phrase keyed on a prefix whose key word starts at `at`, in the text word ending at `to`. */
  const prefixAt = (text: string, at: number, to: number) => {
    if (!prefixFirst[table[text.charCodeAt(at)]!]) return undefined;
    for (let len = PREFIX_LEN; len >= shortest; len--) {
      const hit = prefixes.find(keyOf(text, at, len, table), text, at, to, table);
      if (hit) return hit;
    }
    return undefined;
  };

  return {
    first(text) {
      const n = text.length;
      for (let i = 0; i < n;) {
        let f = table[text.charCodeAt(i)]!;
        if (f === GAP) {
          i++;
          continue;
        }
        // One word, [i, j): hashed whole as it is read, its hash after each of its first units kept
        // for the stems (a store per unit: a test of the stem lengths there was a tenth of the scan),
        // and units that may start a name inside it noted (Arabic, Han...: none below innerFloor).
        let k = SEED;
        let inside = false;
        let j = i;
        let units = 0;
        do {
          if (f >= 0) {
            k = mix(k, f);
            units++;
            if (units < STEM_UNITS) hashes[units] = k;
            if (f >= innerFloor && j > i && inner[f]) inside = true;
          }
          j++;
        } while (j < n && (f = table[text.charCodeAt(j)]!) !== GAP);
        const hit = whole.find(slot(k), text, i, j, table) ?? prefixAt(text, i, j);
        if (hit) return hit;
        const lengths = units < stemLengthsOf.length ? stemLengthsOf[units]! : NONE;
        for (let s = 0; s < lengths.length; s++) {
          const stem = stemAt(text, i, j, hashes[lengths[s]!]!);
          if (stem) return stem;
        }
        if (inside)
          for (let m = i + 1; m < j; m++) {
            const u = table[text.charCodeAt(m)]!;
            const h = u >= 0 && inner[u] ? prefixAt(text, m, j) : undefined;
            if (h) return h;
          }
        i = j;
      }
      return undefined;
    },
  };
}
