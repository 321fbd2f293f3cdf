/**
 * @module extract/prefilter
 * The cheap first look at an article: one scan of the text for every name and
 * description the mention index knows, written whole. An article naming none of them cannot name
 * a wanted person, so the costly steps never see it; most news stops here.
 * A hit is a superset test: it only means "look closer". Words are compared as the mention index
 * compares them, whole, without case or accents; Cyrillic words may take any ending.
 */
import { spellingsOf, type Registry } from '../../registry/index.js';
import { buildAnchorScan, type AnchorPhrase, type PhraseWord } from './anchorscan.js';
import { fold, tokenKey } from '../text/index.js';
import { WordSet, type Lexicons } from '../lexicon/index.js';

const words = (s: string) =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
// Han, Kana and Hangul names are two or three signs long; Latin and Cyrillic ones need three letters.
const longEnough = (w: string) =>
  w.length >= 3 || /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(w);

const CYRILLIC = /\p{Script=Cyrillic}/u;
const ARABIC = /\p{Script=Arabic}/u;
// Written without spaces: a name is a run of signs inside a longer run ("俄罗斯总统普京抵达").
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
// Korean glues particles to the end of a name ("푸틴은").
const HANGUL = /\p{Script=Hangul}/u;

/**
 * A word as the mention index keys it: folded; a Cyrillic word cut to its stem, which any ending
 * may follow (the key of an inflected form always starts with the stem of the name). Arabic words
 * may take endings too, and attached prefixes when they open the phrase; so may words of scripts
 * written without spaces, which sit inside longer runs of signs; Korean words take particles.
 */
function phraseWord(w: string, first: boolean): PhraseWord {
  if (CYRILLIC.test(w)) return { text: tokenKey(w), stem: true, prefixed: false };
  const inside = ARABIC.test(w) || UNSPACED.test(w);
  return { text: fold(w), stem: inside || HANGUL.test(w), prefixed: first && inside };
}

/**
 * A phrase looked for whole, its words in order with anything but letters between them, as the
 * mention index will match it: "joseph kony" finds "Joseph Kony" but not "Joseph" alone. The scan
 * looks for its rarest word ("bashir" in "president al-bashir"), the rarer the fewer places where
 * the whole phrase must be compared. Rare means here: not a title word, not in many of the phrases
 * (so not "presidente"), and long.
 */
const TITLE_WORD = 4;
function phrase(ws: readonly string[], uses: ReadonlyMap<string, number>, generic: Generic): AnchorPhrase {
  const words = ws.map((w, i) => phraseWord(w, i === 0));
  const rank = (i: number) =>
    (generic(ws[i]!) ? 0 : 1e6) - ((uses.get(ws[i]!) ?? 0) >= TITLE_WORD ? 1e3 : 0) + words[i]!.text.length;
  // On a tie the later word: the surname, not the first name ("Sergey Shoigu").
  const key = words.reduce((best, _, i) => (rank(i) >= rank(best) ? i : best), 0);
  return { words, key };
}

/**
 * Words of office descriptions too common to tell anything: "the Russian president" needs
 * "russian". A description made only of such words is not looked for: it would let most news in.
 */
type Generic = (word: string) => boolean;
function genericWords(lex: Lexicons): Generic {
  const { offices, articles, of } = lex.words;
  const conjunctions = new WordSet(lex.all.flatMap((l) => l.cues.conjunction ?? []));
  return (w) => [offices, articles, of, conjunctions].some((set) => set.has(fold(w)));
}

/** A description: a leading article is optional in the mention index, so it is left out here. */
function descriptionWords(text: string, lex: Lexicons, generic: Generic): string[] | undefined {
  const ws = words(text);
  if (ws.length > 1 && lex.words.articles.has(fold(ws[0]!))) ws.shift();
  return ws.some((w) => longEnough(w) && !generic(w)) ? ws : undefined;
}

/**
 * Every phrase the prefilter looks for: every spelling of every name, then descriptions and
 * titles; `names` are the spellings alone.
 */
function phrases(reg: Registry, lex: Lexicons, generic: Generic): { all: string[][]; names: string[][] } {
  const out = new Map<string, string[]>();
  const add = (ws: string[] | undefined) => ws?.length && out.set(ws.map(fold).join(' '), ws);
  for (const s of reg.subjects.values()) for (const n of spellingsOf(s)) add(words(n));
  const names = [...out.values()];
  for (const s of reg.subjects.values())
    for (const o of s.offices) for (const d of o.descriptions) add(descriptionWords(d, lex, generic));
  for (const l of lex.all) for (const t of l.titles) add(descriptionWords(t.text, lex, generic));
  const whole = (ws: string[]) => ws.every((w) => fold(w).length > 0);
  return { all: [...out.values()].filter(whole), names: names.filter(whole) };
}

/**
 * The surnames (last words) of the names, for the scan to find with an ending glued on ("Putina",
 * "Putyinnal") where a language with a lexicon does so (text/endings.ts): the mention index reads
 * the rest once the language is known. Stems and prefixed words need none; short or generic words
 * and first names get none, too often the start of other words ("Sergey" + "i").
 */
function surnames(names: readonly string[][], lex: Lexicons, generic: Generic): string[] {
  if (!lex.inflections.size) return [];
  const out = new Set<string>();
  for (const ws of names) {
    const last = ws.at(-1)!;
    const w = phraseWord(last, ws.length === 1);
    if (!w.stem && !w.prefixed && !generic(last) && w.text.length >= 5) out.add(w.text);
  }
  return [...out];
}

export function buildPrefilter(reg: Registry, lex: Lexicons): (text: string) => boolean {
  const generic = genericWords(lex);
  const { all, names } = phrases(reg, lex, generic);
  const uses = new Map<string, number>();
  for (const w of all.flat()) uses.set(w, (uses.get(w) ?? 0) + 1);
  // The scan folds case itself: no lower-cased copy of the article is made.
  const anchors = all.map((ws) => phrase(ws, uses, generic));
  const endings = new Set([...lex.inflections.values()].flatMap((i) => i.endings.map(fold)));
  const scan = buildAnchorScan(anchors, surnames(names, lex, generic), endings);
  return (text) => scan.first(text) !== undefined;
}
