/**
 * @module extract/text/endings
 * Endings that some languages glue to names and places. Two kinds of language:
 * - those that add a suffix to the whole name ("Budapesten", "Putyinnal", "푸틴은", "Moskvadan"):
 *   a word of the text is cut of its longest ending that leaves a word some name is made of;
 * - those whose endings replace the end of the name ("Mongolia", "w Mongolii", "Putina"): both the
 *   text and the names are compared cut of their longest ending, as Cyrillic stems are (tokens.ts).
 */
import type { Token } from './tokens.js';

/** A language's endings (keys, longest first), and whether they replace the end of a name. */
export interface Inflection {
  endings: readonly string[];
  stems: boolean;
  /** Endings that say the place was left ("Moszkvából", "Moskvadan"). */
  from: ReadonlySet<string>;
}

/** A token cut of an ending: `ending` is what was cut. */
export type Uninflected = Token & { ending?: string };

// A stem keeps at least this many units: "Iran" is not cut to "Ir".
const MIN_STEM = 3;

/** `key` without the first of `endings` (keys, longest first) it ends with, if enough is left. */
export function withoutEnding(key: string, endings: readonly string[]): string {
  for (const e of endings)
    if (key.length - e.length >= MIN_STEM && key.endsWith(e)) return key.slice(0, -e.length);
  return key;
}

/** `key` without the longest of `endings` whose removal leaves one of the `known` words. */
export function toKnown(key: string, endings: readonly string[], known: ReadonlySet<string>): string {
  if (known.has(key)) return key;
  for (const e of endings)
    if (key.length - e.length >= MIN_STEM && key.endsWith(e) && known.has(key.slice(0, -e.length)))
      return key.slice(0, -e.length);
  return key;
}

/**
 * The tokens as the names of an inflecting language are compared: cut to stems (`stems`), or cut
 * to a `known` word where an ending was added.
 */
export function uninflected(
  tokens: readonly Token[],
  inflection: Inflection,
  known: ReadonlySet<string>,
): Uninflected[] {
  const cut = inflection.stems
    ? (k: string) => withoutEnding(k, inflection.endings)
    : (k: string) => toKnown(k, inflection.endings, known);
  return tokens.map((t) => {
    const key = cut(t.key);
    return key === t.key ? t : { ...t, key, ending: t.key.slice(key.length) };
  });
}
