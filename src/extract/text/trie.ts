/**
 * @module extract/trie
 * A phrase matcher over token keys: one pass over a token list finds every phrase added, longest
 * first at each position. A phrase whose last word ends in `*` matches any word with that prefix
 * ("visit*" meets "visits", "visited"), which lets the lexicons name stems instead of every form.
 */
import type { Token } from './tokens.js';
import { FNV_SEED, fnv, hashOf, node, type Edge, type Node } from './trie-node.js';

export interface PhraseMatch<T> {
  /** Token indexes, end exclusive. */
  from: number;
  to: number;
  values: readonly T[];
}

// A bit per hash of every word that may start a phrase (and of the prefix of every root prefix
// edge, "visit*"): most words start none, and testing a bit of a table is far cheaper than a Map
// lookup, which must hash the fresh key string and compare it (measured: the tries' time fell by
// two thirds). 2^20 bits keep the cue trie's table (some 12,000 marks) sparse enough that a word
// hashed at a dozen prefix lengths seldom meets a false "look".
const FIRST_BITS = 20;
// Root prefix edges longer than this are keyed on their first MAX_PREFIX units.
const MAX_PREFIX = 32;
// A prefix's bit is its hash with this unit (a noncharacter, in no key) hashed on: unsalted, every
// word that starts with a short cue word ("on", "e") would find its bit set at that length.
const PREFIX_SALT = 0xffff;

// Words a phrase may hold inside it beyond its own (see the constructor): at most this many.
const MAX_INSERTS = 2;

export class PhraseTrie<T> {
  private readonly root: Node<T> = node();
  private readonly firsts = new Uint32Array(1 << (FIRST_BITS - 5));
  /** 1 at the lengths of the root's prefix edges: a word is also hashed at each of them. */
  private readonly prefixLengths = new Uint8Array(MAX_PREFIX + 1);
  private size = 0;
  private edges = 0;

  /**
   * `inserts`: token keys that may stand inside a phrase without being part of it, adverbs that
   * leave its meaning whole ("a notamment visité" is "a visité", "has also arrived" "has arrived").
   * Never the first or last word of a match, and only where the phrase has no word of its own.
   */
  constructor(private readonly inserts?: { has(key: string): boolean }) {}

  private bit(h: number): boolean {
    const b = h >>> (32 - FIRST_BITS);
    return (this.firsts[b >>> 5]! & (1 << (b & 31))) !== 0;
  }

  private mark(key: string, length: number, prefix: boolean): void {
    let h = FNV_SEED;
    for (let i = 0; i < length; i++) h = fnv(h, key.charCodeAt(i));
    if (prefix) h = fnv(h, PREFIX_SALT);
    const b = h >>> (32 - FIRST_BITS);
    this.firsts[b >>> 5]! |= 1 << (b & 31);
  }

  /** Whether `key` may start a phrase: false is certain, true only says "look". */
  private mayStart(key: string): boolean {
    let h = FNV_SEED;
    for (let i = 0; i < key.length; i++) {
      if (i <= MAX_PREFIX && this.prefixLengths[i] === 1 && this.bit(fnv(h, PREFIX_SALT))) return true;
      h = fnv(h, key.charCodeAt(i));
    }
    const n = key.length;
    return this.bit(h) || (n <= MAX_PREFIX && this.prefixLengths[n] === 1 && this.bit(fnv(h, PREFIX_SALT)));
  }

  /**
   * The values of the prefix edges of `at` that `key` starts with, in the order the edges were
   * made. At the root, where most words end up, a length whose start bit is clear needs no lookup.
   */
  private prefixValues(at: Node<T>, key: string): T[] | undefined {
    const lengths = at.prefixLengths;
    if (!lengths) return undefined;
    const root = at === this.root;
    let found: Edge<T>[] | undefined;
    let h = FNV_SEED;
    let i = 0;
    for (const length of lengths) {
      if (length > key.length) break;
      for (; i < length; i++) h = fnv(h, key.charCodeAt(i));
      if (root && length <= MAX_PREFIX && !this.bit(fnv(h, PREFIX_SALT))) continue;
      const edges = at.prefixes!.get(h);
      if (edges) for (const e of edges) if (key.startsWith(e.prefix)) (found ??= []).push(e);
    }
    if (!found) return undefined;
    if (found.length > 1) found.sort((a, b) => a.order - b.order);
    return found.flatMap((e) => e.node.values ?? []);
  }

  /** Adds a phrase given as token keys; the last key may end in `*`. Empty phrases are ignored. */
  add(keys: readonly string[], value: T): void {
    if (keys.length === 0) return;
    const first = keys[0]!;
    if (keys.length === 1 && first.endsWith('*') && first.length > 1) {
      const length = Math.min(first.length - 1, MAX_PREFIX);
      this.prefixLengths[length] = 1;
      this.mark(first, length, true);
    } else this.mark(first, first.length, false);
    let at = this.root;
    keys.forEach((key, i) => {
      const last = i === keys.length - 1;
      if (last && key.endsWith('*') && key.length > 1) {
        const prefix = key.slice(0, -1);
        const h = hashOf(prefix);
        const prefixes: Map<number, Edge<T>[]> = (at.prefixes ??= new Map());
        let edge = prefixes.get(h)?.find((p) => p.prefix === prefix);
        if (!edge) {
          prefixes.set(h, [
            ...(prefixes.get(h) ?? []),
            (edge = { prefix, node: node(), order: this.edges++ }),
          ]);
          const lengths = (at.prefixLengths ??= []);
          if (!lengths.includes(prefix.length)) {
            lengths.push(prefix.length);
            lengths.sort((a, b) => a - b);
          }
        }
        at = edge.node;
        return;
      }
      const next = (at.next ??= new Map());
      let child = next.get(key);
      if (!child) next.set(key, (child = node()));
      at = child;
    });
    (at.values ??= []).push(value);
    this.size++;
  }

  get count(): number {
    return this.size;
  }

  /**
   * The longest phrase starting at token `i`, if any; phrases of that length all give their values
   * (prefix phrases first, in the order they were added). Called on every token of an article, so
   * the common case, a word that starts no phrase, costs one hash of the word and allocates nothing.
   * With `accept`, only the values it accepts count: the longest phrase that still has one wins.
   */
  matchAt(tokens: readonly Token[], i: number, accept?: (value: T) => boolean): PhraseMatch<T> | undefined {
    const first = tokens[i]?.key;
    if (first === undefined || !this.mayStart(first)) return undefined;
    let best: PhraseMatch<T> | undefined;
    let at: Node<T> | undefined = this.root;
    let inserted = 0;
    for (let j = i; at && j < tokens.length; j++) {
      const key = tokens[j]!.key;
      let values = this.prefixValues(at, key);
      const next: Node<T> | undefined = at.next?.get(key);
      if (!next && !values && j > i && inserted < MAX_INSERTS && this.inserts?.has(key)) {
        inserted++;
        continue;
      }
      at = next;
      if (at?.values) values = values ? [...values, ...at.values] : [...at.values];
      if (accept && values) values = values.filter(accept);
      if (values?.length) best = { from: i, to: j + 1, values };
    }
    return best;
  }

  /** The longest match at every start, overlapping: "will not attend" also yields "attend". */
  findEvery(tokens: readonly Token[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const m = this.matchAt(tokens, i);
      if (m) out.push(m);
    }
    return out;
  }

  /** Every non-overlapping match, scanning left to right, longest at each start (see `matchAt`). */
  findAll(tokens: readonly Token[], accept?: (value: T) => boolean): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length;) {
      const m = this.matchAt(tokens, i, accept);
      if (m) {
        out.push(m);
        i = m.to;
      } else i++;
    }
    return out;
  }
}
