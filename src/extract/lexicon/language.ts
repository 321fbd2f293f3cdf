/**
 * @module extract/language
 * The language of an article, told by its cues: each cue votes for the lexicons it comes from, and
 * the language with most votes (with any that tie) is the article's. Cue words of one language are
 * ordinary words of another (Polish "on" and English "on", Turkish "o" and the Portuguese article,
 * French "il" and the Italian one), so a cue counts only in text of its own language. The votes come
 * from the cue scan the rules need anyway: no second pass, unlike a trigram detector.
 */
import type { Lexicons } from './compile.js';
import type { Cue } from './schema.js';
import type { Token, PhraseMatch, PhraseTrie } from '../text/index.js';

/** Cue matches per language; a phrase shared by several lexicons votes for each once. */
export function cueVotes(matches: readonly PhraseMatch<Cue>[]): Map<string, number> {
  const votes = new Map<string, number>();
  for (const m of matches)
    m.values.forEach((v, i) => {
      if (m.values.findIndex((w) => w.lang === v.lang) === i) votes.set(v.lang, (votes.get(v.lang) ?? 0) + 1);
    });
  return votes;
}

/** The most voted languages: one, or several on a tie. */
export function articleLanguages(votes: ReadonlyMap<string, number>): Set<string> {
  const top = Math.max(0, ...votes.values());
  return new Set([...votes.entries()].filter(([, n]) => n === top && n > 0).map(([l]) => l));
}

/** Who reads the days of an article: chrono-node's locales, and the calendars of other languages. */
export interface DateLanguages {
  /** The article's own when it outvotes English; English always. */
  chrono: string[];
  /** The article's languages that chrono-node does not read: their weekdays and relative days. */
  calendars: string[];
  /**
   * Whose own formats (date patterns, durations) are read: the article's languages and English,
   * as chrono reads English always. Another language's patterns name its own words ("am 5.
   * Dezember"), and running those of forty lexicons on every sentence was a fifth of a pass.
   */
  formats: ReadonlySet<string>;
}

export function dateLanguages(
  lex: Lexicons,
  votes: ReadonlyMap<string, number>,
  own: ReadonlySet<string>,
): DateLanguages {
  const top = [...votes.entries()].filter(([l]) => l !== 'en').sort((a, b) => b[1] - a[1])[0]?.[0];
  const chrono = lex.all.find((l) => l.lang === top)?.chrono;
  return {
    chrono: chrono && (votes.get(top!) ?? 0) > (votes.get('en') ?? 0) ? [chrono, 'en'] : ['en'],
    calendars: [...own].filter((l) => !lex.all.find((x) => x.lang === l)?.chrono),
    formats: new Set([...own, 'en']),
  };
}

/**
 * The cue matches of the article's languages. Where a match holds a phrase of another language, the
 * longest phrase of the article's own at the same start takes its place: the foreign phrase may be
 * longer than one of ours.
 */
export function cuesIn(
  trie: PhraseTrie<Cue>,
  tokens: readonly Token[],
  matches: readonly PhraseMatch<Cue>[],
  langs: ReadonlySet<string>,
): PhraseMatch<Cue>[] {
  const accept = (c: Cue) => langs.has(c.lang);
  const out: PhraseMatch<Cue>[] = [];
  for (const m of matches) {
    const own = m.values.every(accept) ? m : trie.matchAt(tokens, m.from, accept);
    if (own) out.push(own);
  }
  return out;
}
