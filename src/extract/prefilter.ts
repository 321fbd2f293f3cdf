/**
 * @module extract/prefilter
 * The cheap first look at an article: one regular-expression scan of the lower-cased text for an
 * anchor word of every name and description the mention index knows. An article with no anchor
 * cannot name a wanted person, so the costly steps never see it; most news stops here.
 * Anchors are a superset test: a hit only means "look closer".
 */
import type { Registry } from '../registry/index.js';
import type { Lexicons } from './lexicon.js';

// Words of office descriptions too common to tell anything ("the Russian president" is anchored on
// "russian"). A description made only of such words gets no anchor of its own.
const GENERIC = new Set(
  'the and of for head chief leader leaders president prime minister ministers commander deputy former general military army supreme defence defense forces security council state head of government rebel militia official spokesman'.split(
    ' ',
  ),
);

const words = (s: string) =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
// Han, Kana and Hangul names are two or three signs long; Latin and Cyrillic ones need three letters.
const longEnough = (w: string) =>
  w.length >= 3 || /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(w);

/** A name's anchor is its longest word that is not a title; single-word aliases bring their own. */
function nameAnchor(name: string): string | undefined {
  const all = words(name).filter(longEnough);
  const telling = all.filter((w) => !GENERIC.has(w));
  return (telling.length ? telling : all).sort((a, b) => b.length - a.length)[0];
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The pattern of one anchor; a Cyrillic anchor loses its final vowel, so "Львова" finds "Львовой". */
function anchorPattern(word: string): string {
  const w = /\p{Script=Cyrillic}/u.test(word) && word.length > 4 ? word.replace(/[аяоеёыиійьу]$/u, '') : word;
  return escape(w);
}

const IS_WORD = /[\p{L}\p{M}\p{N}]/u;
const INFLECTING = /[\p{Script=Cyrillic}\p{Script=Arabic}]/u;
const PREFIXING = /\p{Script=Arabic}/u;

/**
 * A hit must stand as a whole word, except that Cyrillic and Arabic words take endings (Путиным)
 * and Arabic ones attached prefixes (وبوتين), as those scripts write them. Checked in code, not
 * with look-arounds in the pattern: V8 scans a large alternation with look-arounds very slowly.
 */
function standsAlone(text: string, at: number, hit: string): boolean {
  const before = text[at - 1];
  const after = text[at + hit.length];
  const okBefore = !before || !IS_WORD.test(before) || PREFIXING.test(hit[0]!);
  const okAfter = !after || !IS_WORD.test(after) || INFLECTING.test(hit.at(-1)!);
  return okBefore && okAfter;
}

const ARTICLES = new Set(['the', 'le', 'la', 'il', 'lo', 'o', 'a', 'el', 'der', 'die', 'das', 'de', 'het']);
const GAP = '[^\\p{L}\\p{M}\\p{N}]+';

/**
 * A description is looked for whole ("russia's president"), its words in order with anything but
 * letters between them, as the mention index will match it; a leading article is optional there,
 * so it is left out here. Cyrillic words may take any ending.
 */
function descriptionPattern(text: string): string | undefined {
  const ws = words(text);
  if (ws.length > 1 && ARTICLES.has(ws[0]!)) ws.shift();
  if (!ws.some((w) => longEnough(w) && !GENERIC.has(w))) return undefined;
  return ws
    .map((w) =>
      /\p{Script=Cyrillic}/u.test(w) && w.length > 4
        ? `${escape(w.replace(/[аяоеёыиійьу]$/u, ''))}[\\p{L}\\p{M}]*`
        : escape(w),
    )
    .join(GAP);
}

export function buildPrefilter(reg: Registry, lex: Lexicons): (text: string) => boolean {
  const anchors = new Set<string>();
  const phrases = new Set<string>();
  const add = <T>(set: Set<T>, v: T | undefined) => v && set.add(v);
  for (const s of reg.subjects.values()) {
    for (const n of [s.name, s.fullName, ...s.aliases, ...s.nativeNames.map((x) => x.name)])
      add(anchors, nameAnchor(n));
    for (const o of s.offices) for (const d of o.descriptions) add(phrases, descriptionPattern(d));
  }
  for (const l of lex.all) for (const t of l.titles) add(phrases, descriptionPattern(t.text));
  // Longest first, so that a shorter anchor never hides a longer one at the same place.
  const names = [...anchors].sort((a, b) => b.length - a.length).map(anchorPattern);
  const re = new RegExp([...names, ...phrases].join('|'), 'gu');
  return (text) => {
    const lower = text.toLowerCase();
    re.lastIndex = 0;
    for (let m = re.exec(lower); m; m = re.exec(lower)) {
      if (standsAlone(lower, m.index, m[0])) return true;
      re.lastIndex = m.index + 1;
    }
    return false;
  };
}
