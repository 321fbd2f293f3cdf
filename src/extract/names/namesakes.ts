/**
 * @module extract/names/namesakes
 * A surname alone after another first name names someone else: "Vice-President Sara Duterte",
 * "Yair Netanyahu, the prime minister's son". A capitalised word right before a bare surname, in
 * the middle of a sentence, is taken for a first name unless it is known to be something else: a
 * word of the wanted persons' own names and titles ("Rodrigo", "President", "Bibi"), a title or
 * verb of speech of the lexicons ("Minister", "Says"), a month or weekday ("on Monday Putin said"),
 * a spelling of his own first name ("Beniamino"), or written in capitals ("PM Netanyahu"). At the start of a sentence the word may be any word ("When Putin arrived").
 */
import { spellingsOf, type Registry } from '../../registry/index.js';
import { buildDayWords, type CueKind, type Lexicons } from '../lexicon/index.js';
import type { Mention } from './types.js';
import { isCapitalized, phraseKeys, type Token } from '../text/index.js';

export interface NotFirstNames {
  /** Keys of words that may stand before any wanted person's surname. */
  words: ReadonlySet<string>;
  /** Per subject, the first letters of his own names: "Beniamino Netanyahu" is an Italian spelling. */
  stems: ReadonlyMap<string, ReadonlySet<string>>;
}

// "beniamino" and "beniamin", "vladimiro" and "vladimir": a spelling of his own name.
const STEM = 4;

/** The words that may stand before a wanted person's surname without naming another person. */
export function notFirstNames(reg: Registry, lex: Lexicons): NotFirstNames {
  const words = new Set<string>();
  const stems = new Map<string, Set<string>>();
  const add = (phrase: string) => phraseKeys(phrase).forEach((k) => words.add(k));
  for (const s of reg.subjects.values()) {
    const own = spellingsOf(s);
    own.forEach(add);
    stems.set(
      s.id,
      new Set(
        own
          .flatMap(phraseKeys)
          .filter((k) => k.length > STEM)
          .map((k) => k.slice(0, STEM)),
      ),
    );
    for (const o of s.offices) [o.title, ...o.descriptions].forEach(add);
  }
  for (const l of lex.all) {
    for (const kind of LABELS) (l.cues[kind] ?? []).forEach((p) => add(p.replace(/\*$/u, '')));
    l.titles.forEach((t) => add(t.text));
    buildDayWords(l.lang).keys.forEach((k) => words.add(k));
  }
  return { words, stems };
}

// Cues that stand before a name: "Prime Minister", "Says" in a headline.
const LABELS: readonly CueKind[] = ['attributive', 'speech', 'pronoun'];

// What ends a sentence or a quotation before a word: "… arrived. When Putin", "“Sara Duterte".
const BOUNDARY = /[.!?:;"“”«»„()\n]/u;

/**
 * The mentions without those of namesakes. German writes every noun with a capital
 * ("Kremlchef", "Machthaber Putin"), so in a German article no word is taken for a first name.
 */
export function withoutNamesakes(
  mentions: readonly Mention[],
  known: NotFirstNames,
  text: string,
  tokens: readonly Token[],
  langs: ReadonlySet<string>,
): Mention[] {
  if (langs.has('de')) return [...mentions];
  return mentions.filter((m) => m.via !== 'name' || m.to - m.from > 1 || !namesake(text, tokens, m, known));
}

/** Whether the one-word name `m` follows another person's first name. */
function namesake(text: string, tokens: readonly Token[], m: Mention, known: NotFirstNames): boolean {
  const prev = tokens[m.from - 1];
  const before = tokens[m.from - 2];
  if (!prev || !before || tokens[m.from]!.start - prev.end !== 1) return false;
  if (!isCapitalized(prev.raw) || prev.raw === prev.raw.toUpperCase() || known.words.has(prev.key))
    return false;
  if (known.stems.get(m.subjectId)?.has(prev.key.slice(0, STEM))) return false;
  return !BOUNDARY.test(text.slice(before.end, prev.start));
}
