/**
 * @module extract/text/trie-node
 * The nodes of the phrase trie (trie.ts) and the hash its look-ups share: FNV-1a over code units.
 */

export interface Edge<T> {
  prefix: string;
  node: Node<T>;
  /** The order edges were made in, which the values of several matching prefixes keep. */
  order: number;
}

/**
 * Most nodes are leaves (the last word of a name), so a node's tables exist only once it has an
 * edge: the place index holds tens of thousands of nodes, and empty Maps would make up most of
 * its memory. Every node has the same fields, so the hot loop sees one shape.
 */
export interface Node<T> {
  next: Map<string, Node<T>> | undefined;
  /**
   * Prefix edges (only allowed on the last word of a phrase) by the hash of their prefix, so a word
   * looks up its own first units at each length some prefix has instead of trying every prefix
   * that starts with its letter (the cue trie's root holds some 1,400 stems of forty languages).
   */
  prefixes: Map<number, Edge<T>[]> | undefined;
  /** The lengths of those prefixes, ascending. */
  prefixLengths: number[] | undefined;
  values: T[] | undefined;
}

export const node = <T>(): Node<T> => ({
  next: undefined,
  prefixes: undefined,
  prefixLengths: undefined,
  values: undefined,
});

export const FNV_SEED = 0x811c9dc5 | 0;
export const fnv = (h: number, unit: number) => Math.imul(h ^ unit, 0x01000193);
export const hashOf = (s: string) => {
  let h = FNV_SEED;
  for (let i = 0; i < s.length; i++) h = fnv(h, s.charCodeAt(i));
  return h;
};
