/**
 * @module extract/text
 * Text primitives: words with offsets and comparison keys, case and accent folding, phrase tries,
 * sentences.
 */
export { toKnown, uninflected, withoutEnding, type Inflection, type Uninflected } from './endings.js';
export { fold, foldTable, foldUnit, GAP, MARK } from './fold.js';
export { lineOf, splitSentences, type Sentence } from './sentences.js';
export { PhraseTrie, type PhraseMatch } from './trie.js';
export { FNV_SEED, fnv } from './trie-node.js';
export { hasCase, isCapitalized, phraseKeys, tokenize, tokenKey, type Token } from './tokens.js';
