/**
 * @module extract/mentions
 * Finds the wanted persons an article names: every name, alias and native spelling, every office
 * description ("the Russian president") resolved to the holder on the publication date, unless
 * another person's name follows it ("Israeli Foreign Minister Gideon Saar"), and pronouns of the
 * article's languages resolved to the last person named before them.
 */
import { spellingsOf, type Registry, type Subject } from '../../registry/index.js';
import type { Lexicons, WordSet } from '../lexicon/index.js';
import { notFirstNames, type NotFirstNames } from './namesakes.js';
import type { Mention } from './types.js';

export type { Mention } from './types.js';
import {
  PhraseTrie,
  hasCase,
  isCapitalized,
  phraseKeys,
  type Token,
  uninflected,
  withoutEnding,
  type Inflection,
} from '../text/index.js';

interface Holder {
  subjectId: string;
  from?: string;
  to?: string;
}

type NameEntry = { kind: 'name'; subjectId: string } | { kind: 'title'; holders: Holder[] };

export interface MentionIndex {
  names: PhraseTrie<NameEntry>;
  /** Words that may stand before a bare surname without naming another person (namesakes.ts). */
  notFirstNames: NotFirstNames;
  /** Pronouns, each with the language it belongs to. */
  pronouns: PhraseTrie<string>;
  subjects: ReadonlyMap<string, Subject>;
  /** Lower-case particles a name may start with: "al-Bashir". */
  particles: WordSet;
  /** Every word of every name and description, as a key. */
  words: ReadonlySet<string>;
  /** Per language that glues endings to names, how it is read (see places.ts, `PlaceIndex`). */
  inflected: ReadonlyMap<string, { inflection: Inflection; names: PhraseTrie<NameEntry> }>;
}

/**
 * Every name and description of every subject, and the lexicons' titles, keyed by `keysOf`:
 * as written, or with the endings of a language cut ("Putina" meets "Putin").
 */
function nameTrie(reg: Registry, lex: Lexicons, keysOf: (phrase: string) => string[]): PhraseTrie<NameEntry> {
  const names = new PhraseTrie<NameEntry>();
  // An article in front of a description is optional: "Russian President Vladimir Putin".
  const described = (text: string) => {
    const keys = keysOf(text);
    return keys.length > 1 && lex.words.articles.has(keys[0]!) ? keys.slice(1) : keys;
  };
  for (const s of reg.subjects.values()) {
    for (const n of spellingsOf(s)) names.add(keysOf(n), { kind: 'name', subjectId: s.id });
    for (const o of s.offices)
      for (const d of o.descriptions)
        names.add(described(d), { kind: 'title', holders: [{ subjectId: s.id, from: o.from, to: o.to }] });
  }
  for (const l of lex.all)
    for (const t of l.titles) {
      const holders = [...reg.subjects.values()].flatMap((s) =>
        s.offices
          .filter((o) => o.country === t.country && o.kind === t.kind)
          .map((o) => ({ subjectId: s.id, from: o.from, to: o.to })),
      );
      if (holders.length) names.add(described(t.text), { kind: 'title', holders });
    }
  return names;
}

/** Indexes every name and description of every subject, and the lexicons' titles and pronouns. */
export function buildMentionIndex(reg: Registry, lex: Lexicons): MentionIndex {
  const words = new Set<string>();
  const names = nameTrie(reg, lex, (p) => {
    const keys = phraseKeys(p);
    for (const k of keys) words.add(k);
    return keys;
  });
  const inflected = new Map(
    [...lex.inflections].map(([lang, inflection]) => [
      lang,
      {
        inflection,
        names: inflection.stems
          ? nameTrie(reg, lex, (p) => phraseKeys(p).map((k) => withoutEnding(k, inflection.endings)))
          : names,
      },
    ]),
  );
  const pronouns = new PhraseTrie<string>();
  for (const l of lex.all) for (const p of l.cues.pronoun ?? []) pronouns.add(phraseKeys(p), l.lang);
  return {
    names,
    notFirstNames: notFirstNames(reg, lex),
    pronouns,
    subjects: reg.subjects,
    particles: lex.words.particles,
    words,
    inflected,
  };
}

const holds = (h: Holder, day: string) => (!h.from || h.from <= day) && (!h.to || day < h.to);

/**
 * The holder a description names: a holder the article also names wins (the text tells us who is
 * meant, whatever the date); else the holder on the publication date; else, without a date, the
 * one holder whose office is still open.
 */
function resolveTitle(
  holders: Holder[],
  named: ReadonlySet<string>,
  published: string | null,
): string | undefined {
  const inText = holders.find((h) => named.has(h.subjectId));
  if (inText) return inText.subjectId;
  const onDay = published ? holders.filter((h) => holds(h, published)) : holders.filter((h) => !h.to);
  const ids = new Set(onDay.map((h) => h.subjectId));
  return ids.size === 1 ? [...ids][0] : undefined;
}

/**
 * A name as a proper noun: capitalised, or a lower-case particle ("al-Bashir", "bin Salman") and
 * then a capitalised word.
 */
function proper(tokens: readonly Token[], from: number, to: number, particles: WordSet): boolean {
  const first = tokens[from]!;
  if (isCapitalized(first.raw)) return true;
  return particles.has(first.raw) && from + 1 < to && isCapitalized(tokens[from + 1]!.raw);
}

/**
 * Whether two capitalised words, not a name we know, follow token `at` (a first name and a
 * surname). A third capitalised word after them means a headline in title case ("Russian
 * President Arrives In Mongolia"), where capitals name nobody.
 */
function namedAfter(tokens: readonly Token[], at: number, known: readonly { from: number }[]): boolean {
  const word = (i: number) =>
    !!tokens[i] && tokens[i]!.start - tokens[i - 1]!.end === 1 && isCapitalized(tokens[i]!.raw);
  return word(at) && word(at + 1) && !word(at + 2) && !known.some((k) => k.from === at || k.from === at + 1);
}

/** Every name and description in the article, in text order; pronouns come later (`withPronouns`). */
export function findMentions(
  idx: MentionIndex,
  tokens: readonly Token[],
  published: string | null,
  /** The article's languages, once known: names with their endings ("Putina") are found too. */
  langs: ReadonlySet<string> = new Set(),
): Mention[] {
  const raw = idx.names.findAll(tokens);
  for (const lang of langs) {
    const inflected = idx.inflected.get(lang);
    if (!inflected) continue;
    const cut = inflected.names.findAll(uninflected(tokens, inflected.inflection, idx.words));
    raw.push(...cut.filter((c) => !raw.some((r) => c.from < r.to && r.from < c.to)));
    raw.sort((a, b) => a.from - b.from);
  }
  const named = new Set<string>();
  for (const m of raw)
    for (const v of m.values)
      // A Latin or Cyrillic name is a proper noun: "putin" in lower case is not a mention.
      if (v.kind === 'name' && proper(tokens, m.from, m.to, idx.particles)) named.add(v.subjectId);
  const out: Mention[] = [];
  for (const m of raw) {
    const v = m.values[0]!;
    if (v.kind === 'name') {
      if (
        proper(tokens, m.from, m.to, idx.particles) ||
        !hasCase(tokens[m.from]!.raw) ||
        tokens[m.from]!.raw.toUpperCase() === tokens[m.from]!.raw
      )
        out.push({ subjectId: v.subjectId, from: m.from, to: m.to, via: 'name' });
      continue;
    }
    // "Israeli Foreign Minister Gideon Saar": a title followed by another name is that person's.
    if (namedAfter(tokens, m.to, raw)) continue;
    const holders = m.values.flatMap((e) => (e.kind === 'title' ? e.holders : []));
    const id = resolveTitle(holders, named, published);
    if (id) out.push({ subjectId: id, from: m.from, to: m.to, via: 'title' });
  }
  return out;
}
