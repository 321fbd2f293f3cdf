/**
 * @module extract/trie
 * A phrase matcher over token keys: one pass over a token list finds every phrase added, longest
 * first at each position. A phrase whose last word ends in `*` matches any word with that prefix
 * ("visit*" meets "visits", "visited"), which lets the lexicons name stems instead of every form.
 */
import type { Token } from './tokens.js';

interface Edge<T> {
  prefix: string;
  node: Node<T>;
}

interface Node<T> {
  next: Map<string, Node<T>>;
  /** Prefix edges: only allowed on the last word of a phrase. */
  prefixes: Edge<T>[];
  /** The same edges by the first code unit of their prefix, so a word tries only those that may fit. */
  prefixesByFirst: Map<number, Edge<T>[]>;
  values: T[];
}

export interface PhraseMatch<T> {
  /** Token indexes, end exclusive. */
  from: number;
  to: number;
  values: readonly T[];
}

const node = <T>(): Node<T> => ({ next: new Map(), prefixes: [], prefixesByFirst: new Map(), values: [] });

export class PhraseTrie<T> {
  private readonly root: Node<T> = node();
  private size = 0;

  /** Adds a phrase given as token keys; the last key may end in `*`. Empty phrases are ignored. */
  add(keys: readonly string[], value: T): void {
    if (keys.length === 0) return;
    let at = this.root;
    keys.forEach((key, i) => {
      const last = i === keys.length - 1;
      if (last && key.endsWith('*') && key.length > 1) {
        const prefix = key.slice(0, -1);
        let edge = at.prefixes.find((p) => p.prefix === prefix);
        if (!edge) {
          at.prefixes.push((edge = { prefix, node: node() }));
          const first = prefix.charCodeAt(0);
          at.prefixesByFirst.set(first, [...(at.prefixesByFirst.get(first) ?? []), edge]);
        }
        at = edge.node;
        return;
      }
      let child = at.next.get(key);
      if (!child) at.next.set(key, (child = node()));
      at = child;
    });
    at.values.push(value);
    this.size++;
  }

  get count(): number {
    return this.size;
  }

  /**
   * The longest phrase starting at token `i`, if any; phrases of that length all give their values
   * (prefix phrases first, in the order they were added). Called on every token of an article, so
   * the common case, a word that starts no phrase, costs one map lookup and allocates nothing.
   * With `accept`, only the values it accepts count: the longest phrase that still has one wins.
   */
  matchAt(tokens: readonly Token[], i: number, accept?: (value: T) => boolean): PhraseMatch<T> | undefined {
    let best: PhraseMatch<T> | undefined;
    let at: Node<T> | undefined = this.root;
    for (let j = i; at && j < tokens.length; j++) {
      const key = tokens[j]!.key;
      let values: T[] | undefined;
      // By code unit, not by one-letter string: charAt allocates a string for every Cyrillic word.
      const edges = at.prefixes.length ? at.prefixesByFirst.get(key.charCodeAt(0)) : undefined;
      if (edges) for (const p of edges) if (key.startsWith(p.prefix)) (values ??= []).push(...p.node.values);
      at = at.next.get(key);
      if (at?.values.length) values = values ? [...values, ...at.values] : [...at.values];
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
