/**
 * @module extract/anchorscan
 * Finds whether any of a few hundred phrases occurs in a text, at close to memory speed. V8 tries
 * the branches of a large regular-expression alternation one by one at every position (a flat
 * alternation of the prefilter's names scanned news at 25 MB/s), so instead one loop over the
 * character codes hashes each word, folded (see extract/fold), as it passes; only a word that is
 * the key word of some phrase (one table lookup says so) has its neighbours compared with the
 * rest of that phrase. No regular expression is involved, so none has to be compiled or kept.
 */
import { fold, foldTable, FNV_SEED, fnv, GAP } from '../text/index.js';
import {
  KEY_BITS,
  KNOWN_BITS,
  PREFIX_LEN,
  START,
  Starts,
  Table,
  keyOf,
  slot,
  type AnchorPhrase,
} from './phrase-table.js';

export type { AnchorPhrase, PhraseWord } from './phrase-table.js';

export interface AnchorScan {
  /** The offsets [start, end) of the first phrase found in `text`, if any. */
  first(text: string): [number, number] | undefined;
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
export function buildAnchorScan(
  phrases: readonly AnchorPhrase[],
  stems: readonly string[] = [],
  /** Folded: what may follow a stem in its word; without them, any one to MORE units. */
  endings?: ReadonlySet<string>,
): AnchorScan {
  return new Scan(phrases, stems, endings);
}

/**
 * A class, not closures over the built tables: V8 compiles a closure for the values it captured
 * when only one was ever made, and a second scan (a test, a benchmark beside an extractor) made
 * every scan a third slower.
 */
class Scan implements AnchorScan {
  private readonly table = foldTable();
  private readonly byStem = new Map<number, string[]>();
  private readonly stemKnown = new Uint32Array(1 << (KNOWN_BITS - 5));
  private readonly hashes = new Int32Array(STEM_UNITS);
  /** By a word's length in units: the stem lengths it may hold, 1 to MORE units shorter. */
  private readonly stemLengthsOf: readonly (readonly number[])[];
  private readonly whole = new Table();
  private readonly prefixes = new Table();
  /** First units of the key words keyed on a prefix, and of those that may start inside a word. */
  private readonly prefixFirst = new Uint8Array(65536);
  private readonly inner = new Uint8Array(65536);
  private readonly shortest: number;
  private readonly innerFloor: number;
  /** How key words, prefix keys and stems begin: most words of news begin otherwise. */
  private readonly starts = new Starts();

  constructor(
    phrases: readonly AnchorPhrase[],
    stems: readonly string[],
    private readonly endings: ReadonlySet<string> | undefined,
  ) {
    const table = this.table;
    let stemLengths = 0;
    for (const s of stems) {
      const units = [...s].map((ch) => table[ch.charCodeAt(0)]!);
      if (units.length >= STEM_UNITS || units.some((u) => u < 0)) continue;
      stemLengths |= 1 << units.length;
      this.starts.add(s, table);
      const key = keyOf(s, 0, s.length, table);
      this.byStem.set(key, [...(this.byStem.get(key) ?? []), s]);
      const b = key >>> (KEY_BITS - KNOWN_BITS);
      this.stemKnown[b >>> 5]! |= 1 << (b & 31);
    }
    this.stemLengthsOf = Array.from({ length: STEM_UNITS + MORE }, (_, units) =>
      Array.from({ length: MORE }, (_, m) => units - 1 - m).filter(
        (len) => len > 0 && (stemLengths >>> len) & 1,
      ),
    );
    let shortest = PREFIX_LEN;
    let innerFloor = 65536;
    for (const p of phrases) {
      const w = p.words[p.key]!;
      const units = [...w.text].map((ch) => table[ch.charCodeAt(0)]!);
      if (!units.length || units.some((u) => u < 0))
        throw new Error(`phrase key is not one folded word: ${w.text}`);
      const prefixed = p.key === 0 && w.prefixed;
      this.starts.add(w.text, table);
      if (!w.stem && !prefixed) this.whole.add(keyOf(w.text, 0, w.text.length, table), p);
      else {
        const len = Math.min(PREFIX_LEN, w.text.length);
        this.prefixes.add(keyOf(w.text, 0, len, table), p);
        this.prefixFirst[units[0]!] = 1;
        if (prefixed) {
          this.inner[units[0]!] = 1;
          innerFloor = Math.min(innerFloor, units[0]!);
        }
        shortest = Math.min(shortest, len);
      }
    }
    this.shortest = shortest;
    this.innerFloor = innerFloor;
  }

  /** The stem that word [i, j) starts with, hashed `k` over its first units, if any. */
  private stemAt(text: string, i: number, j: number, k: number): [number, number] | undefined {
    const key = slot(k);
    const b = key >>> (KEY_BITS - KNOWN_BITS);
    if ((this.stemKnown[b >>> 5]! & (1 << (b & 31))) === 0) return undefined;
    const found = this.byStem.get(key);
    if (!found) return undefined;
    const word = fold(text.slice(i, j));
    // "Islamic" starts with "islam" (Saif al-Islam), but "ic" is no ending.
    const fits = (s: string) =>
      word.startsWith(s) && (!this.endings || this.endings.has(word.slice(s.length)));
    return found.some(fits) ? [i, j] : undefined;
  }

  /** A phrase keyed on a prefix whose key word starts at `at`, in the text word ending at `to`. */
  private prefixAt(text: string, at: number, to: number): [number, number] | undefined {
    const table = this.table;
    if (!this.prefixFirst[table[text.charCodeAt(at)]!]) return undefined;
    for (let len = PREFIX_LEN; len >= this.shortest; len--) {
      const hit = this.prefixes.find(keyOf(text, at, len, table), text, at, to, table);
      if (hit) return hit;
    }
    return undefined;
  }

  first(text: string): [number, number] | undefined {
    const { table, inner, innerFloor, hashes, stemLengthsOf, whole, starts } = this;
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
      let k = FNV_SEED;
      let inside = false;
      let j = i;
      let units = 0;
      do {
        if (f >= 0) {
          k = fnv(k, f);
          units++;
          if (units < STEM_UNITS) hashes[units] = k;
          if (f >= innerFloor && j > i && inner[f]) inside = true;
          if (units === START && !starts.has(hashes)) {
            // Nothing begins so: only read on to the word's end, for names inside it (not hashed
            // or looked up: that was a third of the scan's time, most words of news being such).
            units = -1;
            while (++j < n && (f = table[text.charCodeAt(j)]!) !== GAP)
              if (f >= innerFloor && inner[f]) inside = true;
            break;
          }
        }
        j++;
      } while (j < n && (f = table[text.charCodeAt(j)]!) !== GAP);
      if (units >= 0) {
        const hit = whole.find(slot(k), text, i, j, table) ?? this.prefixAt(text, i, j);
        if (hit) return hit;
        const lengths = units < stemLengthsOf.length ? stemLengthsOf[units]! : NONE;
        for (let s = 0; s < lengths.length; s++) {
          const stem = this.stemAt(text, i, j, hashes[lengths[s]!]!);
          if (stem) return stem;
        }
      }
      if (inside)
        for (let m = i + 1; m < j; m++) {
          const u = table[text.charCodeAt(m)]!;
          const h = u >= 0 && inner[u] ? this.prefixAt(text, m, j) : undefined;
          if (h) return h;
        }
      i = j;
    }
    return undefined;
  }
}
