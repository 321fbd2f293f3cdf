/**
 * @module extract/lexicon/compile
 * Lexicons compiled for the rules: every cue of every language in one phrase trie, so a sentence
 * is scanned once whatever its language; the closed-class words of all languages by kind; date
 * formats, number words and durations. Nothing here reads a file (see load.ts).
 */
import { PhraseTrie, phraseKeys, tokenKey, type Inflection } from '../text/index.js';
import { compileDatePatterns, type DatePattern } from './dates.js';
import {
  cueKinds,
  markerSides,
  wordKinds,
  type Cue,
  type Lexicon,
  type MarkerKind,
  type WordKind,
} from './schema.js';

/** Words of one kind, as token keys; an entry ending in `*` takes any ending ("дн*"). */
export class WordSet {
  private readonly exact = new Set<string>();
  private readonly stems: string[] = [];

  constructor(words: Iterable<string>) {
    for (const w of words) {
      if (w.endsWith('*')) this.stems.push(tokenKey(w.slice(0, -1)));
      else for (const k of phraseKeys(w)) this.exact.add(k);
    }
  }

  /** Whether a token key is one of the words. */
  has(key: string): boolean {
    return this.exact.has(key) || this.stems.some((s) => key.startsWith(s));
  }

  /** The exact words, for callers that compare whole words only. */
  get words(): ReadonlySet<string> {
    return this.exact;
  }
}

/** A lexicon's durations: regular expressions whose group `n` is a number, and its number words. */
export interface DurationPattern {
  /** The lexicon it comes from: only those of the article's languages are read. */
  lang: string;
  regex: RegExp;
  numbers: ReadonlyMap<string, number>;
}

export interface Lexicons {
  all: readonly Lexicon[];
  cues: PhraseTrie<Cue>;
  /** Every language's words of each kind, together. */
  words: Record<WordKind, WordSet>;
  /**
   * Each language's `of` words less its own articles: "of", "de", not "the" (which English lists
   * with them) nor Dutch "de" (an article there, the Spanish "of").
   */
  genitives: WordSet;
  /** Every language's date formats, compiled. */
  datePatterns: DatePattern[];
  durations: DurationPattern[];
  /** Words chrono-node reads as a day besides calendar names, by chrono locale. */
  casualDays: ReadonlyMap<string, readonly string[]>;
  /**
   * Words of spans longer than a day ("week", "mois"), by chrono locale, as one test of a word's
   * start (so "недел" meets "неделю", but "ay", Azerbaijani for month, not "Tuesday").
   */
  periods: ReadonlyMap<string, RegExp>;
  /** The same words, by chrono locale. */
  periodWords: ReadonlyMap<string, readonly string[]>;
  /** The languages whose news puts the verb before its subject (`verbFirst`). */
  verbFirst: ReadonlySet<string>;
  /** Phrases that count days from an event, not from publication ("the day after"). */
  eventRelative: RegExp[];
  /** Each language's `endings` words as keys, longest first, and how they attach (text/endings.ts). */
  inflections: ReadonlyMap<string, Inflection>;
  /** What was wrong with the files or entries that were left out, each naming its file. */
  problems: string[];
}

/** A cue phrase as trie keys; a trailing `*` survives tokenisation as a prefix mark. */
export function cueKeys(phrase: string): string[] {
  const star = phrase.endsWith('*');
  const keys = phraseKeys(star ? phrase.slice(0, -1) : phrase);
  if (star && keys.length) keys[keys.length - 1] += '*';
  return keys;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const NEVER = /(?!)/u;

/** Compiles one regular expression of a lexicon (`written` as the file has it), or reports it. */
function regex(lang: string, key: string, written: string, source: string, problems: string[]) {
  try {
    return new RegExp(source, 'iu');
  } catch (e) {
    problems.push(`${lang}.yaml: ${key} ${JSON.stringify(written)}: ${(e as Error).message}; left out`);
    return undefined;
  }
}

function durationsOf(lex: Lexicon, problems: string[]): DurationPattern[] {
  const numbers = new Map(Object.entries(lex.numbers).map(([w, n]) => [w.toLowerCase(), n]));
  // Longest words first, so "thirteen" is not read as "three".
  const words = [...numbers.keys()].sort((a, b) => b.length - a.length).map(escape);
  const number = `\\d{1,2}${words.map((w) => `|${w}`).join('')}`;
  return lex.durations.flatMap((source) => {
    if (!source.includes('{n}')) {
      problems.push(`${lex.lang}.yaml: durations ${JSON.stringify(source)}: needs {n}; left out`);
      return [];
    }
    // "{n} nights {n} days" (3泊4日): the last number counts the days.
    const parts = source.split('{n}');
    const compiled = parts
      .map((part, i) => (i === 0 ? part : `(?${i === parts.length - 1 ? '<n>' : ':'}${number})${part}`))
      .join('');
    const r = regex(lex.lang, 'durations', source, compiled, problems);
    return r ? [{ lang: lex.lang, regex: r, numbers }] : [];
  });
}

/** Compiles parsed lexicons; `problems` are those already met while reading them. */
export function compileLexicons(all: readonly Lexicon[], problems: string[] = []): Lexicons {
  const cues = new PhraseTrie<Cue>(new WordSet(all.flatMap((l) => l.words.inserts ?? [])));
  for (const lex of all)
    for (const kind of cueKinds)
      for (const phrase of lex.cues[kind] ?? []) {
        const side = Object.hasOwn(markerSides, kind) ? lex.sides[kind as MarkerKind] : undefined;
        const flipped = side !== undefined && side !== markerSides[kind as MarkerKind];
        cues.add(cueKeys(phrase), flipped ? { kind, lang: lex.lang, flipped } : { kind, lang: lex.lang });
        // A departure is told in the past: the rules that read past cues read it too.
        if (kind === 'depart') cues.add(cueKeys(phrase), { kind: 'past', lang: lex.lang });
        // An invitation announces: the rules that read plans read it too.
        if (kind === 'invite') cues.add(cueKeys(phrase), { kind: 'future', lang: lex.lang });
      }
  const words = Object.fromEntries(
    wordKinds.map((k) => [k, new WordSet(all.flatMap((l) => l.words[k] ?? []))]),
  ) as Record<WordKind, WordSet>;
  const casualDays = new Map<string, string[]>();
  const periodWords = new Map<string, string[]>();
  for (const l of all) {
    if (!l.chrono) continue;
    casualDays.set(l.chrono, [...(casualDays.get(l.chrono) ?? []), ...(l.dates?.casual ?? [])]);
    periodWords.set(l.chrono, [...(periodWords.get(l.chrono) ?? []), ...(l.dates?.periods ?? [])]);
  }
  const periods = new Map(
    [...periodWords].map(([locale, words]) => [
      locale,
      words.length
        ? new RegExp(
            `(?<![\\p{L}\\p{N}])(?:${words.map((w) => escape(w.replace(/\*$/u, ''))).join('|')})`,
            'iu',
          )
        : NEVER,
    ]),
  );
  return {
    all,
    cues,
    words,
    genitives: new WordSet(
      all.flatMap((l) => {
        const articles = new WordSet(l.words.articles ?? []);
        return (l.words.of ?? []).filter((w) => !articles.has(tokenKey(w)));
      }),
    ),
    datePatterns: all.flatMap((l) => (l.dates ? compileDatePatterns(l.lang, l.dates, problems) : [])),
    durations: all.flatMap((l) => durationsOf(l, problems)),
    casualDays,
    periods,
    periodWords,
    inflections: new Map(
      all
        .filter((l) => l.words.endings?.length)
        .map((l) => [
          l.lang,
          {
            endings: [...new Set(l.words.endings!.map(tokenKey))].sort((a, b) => b.length - a.length),
            stems: l.stems,
            from: new Set((l.words.fromEndings ?? []).map(tokenKey)),
          },
        ]),
    ),
    verbFirst: new Set(all.filter((l) => l.verbFirst).map((l) => l.lang)),
    eventRelative: all.flatMap((l) =>
      (l.dates?.relative ?? []).flatMap(
        (s) => regex(l.lang, 'dates.relative', s, `^(?:${s})$`, problems) ?? [],
      ),
    ),
    problems,
  };
}
