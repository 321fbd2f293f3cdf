/**
 * @module extract/places/written
 * How a place name stands in the tokens: capitalised where its script has case, an acronym in
 * capitals, or glued to a word (an Arabic one-letter prefix, a heading run into the text).
 */
import { hasCase, isCapitalized, tokenKey, type PhraseTrie, type Token } from '../text/index.js';

/** A set of token keys (the lexicons' WordSet). */
interface Words {
  has(key: string): boolean;
}

/** What separates token `i` from the one before it, as far as the tokens tell (a space or not). */
export const textBetween = (tokens: readonly Token[], i: number) =>
  ' '.repeat(Math.max(0, tokens[i]!.start - tokens[i - 1]!.end));

/**
 * A word in lower case, in a script with case: no place is written so (see `written`), so the
 * index is not even asked. Most words of a text are such; ASCII ones are told by their first code.
 */
export function cannotStartName(raw: string): boolean {
  const c = raw.charCodeAt(0);
  if (c >= 0x61 && c <= 0x7a) return true;
  if (c < 0x80) return false;
  return hasCase(raw) && !isCapitalized(raw);
}

export function written(
  entry: { acronym: boolean },
  tokens: readonly Token[],
  from: number,
  to: number,
): boolean {
  const first = tokens[from]!.raw;
  if (entry.acronym) return tokens.slice(from, to).every((t) => t.raw === t.raw.toUpperCase());
  return !hasCase(first) || isCapitalized(first);
}

// Arabic writes "and", "in", "to" and "so" as one-letter prefixes: "وهولندا" is "and the Netherlands".
const ARABIC_PREFIX = /^[وبلف](?=\p{Script=Arabic}{3})/u;
// A heading glued to the first word of the text: "ArgentinaEl embajador".
const GLUED = /^\p{Lu}\p{Ll}{3,}(?=\p{Lu}\p{Ll}*$)/u;

const ARABIC_PREFIXES = new Set([...'وبلف'].map((c) => c.charCodeAt(0)));
const isUpper = (c: number) => c >= 0x41 && c <= 0x5a;

/**
 * Whether the token may be glued at all: it starts with an Arabic prefix letter, or holds a
 * capital after its first four letters. Asked of every word that starts no place, so kept to
 * character codes; the patterns decide.
 */
function mayBeGlued(raw: string): boolean {
  if (ARABIC_PREFIXES.has(raw.charCodeAt(0))) return true;
  if (raw.length < 5) return false;
  for (let i = 4; i < raw.length; i++)
    if (isUpper(raw.charCodeAt(i)) || raw.charCodeAt(i) > 0x7f) return true;
  return false;
}

/** The token without a glued prefix or suffix, when it has one. */
function unglued(t: Token): Token | undefined {
  if (!mayBeGlued(t.raw)) return undefined;
  const prefix = ARABIC_PREFIX.exec(t.raw);
  if (prefix) return { ...t, start: t.start + 1, raw: t.raw.slice(1), key: tokenKey(t.raw.slice(1)) };
  const head = GLUED.exec(t.raw);
  return head ? { ...t, end: t.start + head[0].length, raw: head[0], key: tokenKey(head[0]) } : undefined;
}

/** A place starting at token `i`, else one starting inside it once a glued word is cut off. */
export function placeAt<T>(trie: PhraseTrie<T>, tokens: readonly Token[], i: number) {
  const m = trie.matchAt(tokens, i);
  if (m) return m;
  const cut = unglued(tokens[i]!);
  if (!cut) return undefined;
  // A glued heading ends its token: only the Arabic prefix may start a longer name.
  const window = cut.end < tokens[i]!.end ? [cut] : [cut, ...tokens.slice(i + 1, i + 6)];
  const w = trie.matchAt(window, 0);
  return w && { ...w, from: i, to: i + w.to };
}

/**
 * "The Strait of Gibraltar", "the Gulf of Mexico", "Cebelitarık Boğazı", "خليج المكسيك": a name
 * beside a word of a sea, strait, gulf or lake (with an "of" word between at most) names that
 * water, not the country or city.
 */
export function beside(
  tokens: readonly Token[],
  from: number,
  to: number,
  features: Words,
  genitives: Words,
): boolean {
  const is = (i: number) => i >= 0 && i < tokens.length && features.has(tokens[i]!.key);
  const of = (i: number) => i >= 0 && genitives.has(tokens[i]!.key);
  return is(to) || is(from - 1) || (of(from - 1) && is(from - 2));
}

/** A one-word name that is a common word of the article's language (see `PlaceIndex.homographs`). */
export function homograph(
  tokens: readonly Token[],
  m: { from: number; to: number },
  common: readonly Words[],
): boolean {
  return m.to - m.from === 1 && common.some((w) => w.has(tokens[m.from]!.key));
}

/** The span of a demonym and the word for a capital beside it ("the Mongolian capital"), if any. */
export function capitalBeside(
  tokens: readonly Token[],
  from: number,
  to: number,
  words: Words,
): [number, number] | undefined {
  const word = (i: number) => !!tokens[i] && words.has(tokens[i]!.key);
  return word(to) ? [from, to + 1] : word(from - 1) ? [from - 1, to] : undefined;
}
