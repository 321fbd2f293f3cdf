/**
 * @module extract/sentence/facts
 * What one sentence says, gathered once: the wanted persons it mentions, its cues by kind, the
 * places it names (marked when they only label someone, "US President", or are left behind,
 * "from Hungary") and its days. The event rules read these facts and nothing else.
 */
import { leftAfter } from './after.js';
import { clauseIndexes } from './clauses.js';
import { isDateline } from './datelines.js';
import { LABEL_BREAK, labelBefore, labelLists } from './lists.js';
import type { CueKind, Cue, Lexicons } from '../lexicon/index.js';
import type { Mention } from '../names/index.js';
import type { PlaceMention } from '../places/index.js';
import type { Sentence, Token, PhraseMatch } from '../text/index.js';
import type { CueHit, Facts, Place, SentenceParts } from './types.js';

export type { CueHit, Facts, Place, SentenceParts } from './types.js';

/** Token index range of each sentence. */
export function sentenceTokens(sentences: readonly Sentence[], tokens: readonly Token[]): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  for (const s of sentences) {
    while (i < tokens.length && tokens[i]!.start < s.start) i++;
    const from = i;
    while (i < tokens.length && tokens[i]!.end <= s.end) i++;
    out.push([from, i]);
  }
  return out;
}

// A negation just before a travel word turns it into a cancellation: "will not travel", "won't attend".
const NEGATION_REACH = 3;
const NEGATABLE = new Set<CueKind>(['travel', 'future', 'present', 'arrive']);

export function cueKinds(cues: readonly CueHit[]): Set<CueKind> {
  const kinds = new Set(cues.map((c) => c.kind));
  for (const n of cues.filter((c) => c.kind === 'negation'))
    if (cues.some((c) => NEGATABLE.has(c.kind) && c.from >= n.to && c.from - n.to < NEGATION_REACH))
      kinds.add('cancel');
  return kinds;
}

export function placeFacts(p: PlaceMention, s: SentenceParts): Place {
  const { cues, tokens, text, clauses, from, words } = s;
  // Skip a possessive "s" and at most one word: "Vietnam's new president".
  let next = p.to;
  if (tokens[next]?.key === 's') next++;
  // Not across a comma: "will visit Brazil, President Lula said" names a destination. A full
  // stop may end an abbreviation ("U.S. President").
  const own = (i: number) =>
    !!tokens[i] && !LABEL_BREAK.test(text.slice(tokens[p.to - 1]!.end, tokens[i]!.start));
  const labelAfter = (i: number) => cues.some((c) => c.kind === 'attributive' && !c.flipped && c.from === i);
  const attributive =
    (own(next) && labelAfter(next)) ||
    (next > p.to && own(next + 1) && labelAfter(next + 1)) ||
    // "رئیس جمهور ترکیه", "נשיא רוסיה": a label written before the country.
    cues.some((c) => c.kind === 'attributive' && c.flipped && c.to === p.from) ||
    labelBefore(p, s);
  let before = p.from - 1;
  if (words.articles.has(tokens[before]?.key ?? '')) before--;
  const origin =
    !!p.left ||
    cues.some((c) => c.kind === 'origin' && (c.flipped ? c.from === p.to : c.to === before + 1)) ||
    leftAfter(p, s);
  const conflict = cues.some((c) =>
    c.kind !== 'conflict'
      ? false
      : c.flipped
        ? c.from >= p.to && c.from - p.to <= 1
        : c.to <= p.from && p.from - c.to <= 2,
  );
  const dateline = isDateline(text, tokens, p);
  // Built field by field: V8 copied the spread `{ ...p, ... }` in a slow generic path here.
  return {
    from: p.from,
    to: p.to,
    iso2: p.iso2,
    city: p.city,
    attributive,
    origin,
    conflict,
    dateline,
    clause: clauses[p.from - from] ?? 0,
  };
}

/** `items` by the sentence their first token is in, each list in the order given. */
function bySentence<T extends { from: number }>(items: readonly T[], sentenceOf: Int32Array): T[][] {
  const out: T[][] = [];
  for (const x of items) {
    const i = sentenceOf[x.from] ?? -1;
    if (i >= 0) (out[i] ??= []).push(x);
  }
  return out;
}

/** The facts of every sentence; `cueMatches` and `places` cover the whole article. */
export function gatherFacts(
  text: string,
  sentences: readonly Sentence[],
  tokens: readonly Token[],
  mentions: readonly Mention[],
  cueMatches: readonly PhraseMatch<Cue>[],
  places: readonly PlaceMention[],
  /** The lexicons' words: articles before a place, units of a stay ("days") after "after". */
  words: Lexicons['words'],
  /** Each language's "of" words less its articles ("of", "de"; not "the"). */
  genitives: Lexicons['genitives'],
): Facts[] {
  const cues: CueHit[] = [];
  for (const m of cueMatches)
    for (const kind of new Set(m.values.map((v) => v.kind)))
      cues.push(
        m.values.some((v) => v.kind === kind && v.flipped)
          ? { kind, from: m.from, to: m.to, flipped: true }
          : { kind, from: m.from, to: m.to },
      );
  const spans = sentenceTokens(sentences, tokens);
  // Each token's sentence, so that mentions, cues and places are dealt out in one pass each.
  const sentenceOf = new Int32Array(tokens.length).fill(-1);
  spans.forEach(([from, to], i) => sentenceOf.fill(i, from, to));
  const mentionsOf = bySentence(mentions, sentenceOf);
  const cuesOf = bySentence(cues, sentenceOf);
  const placesOf = bySentence(places, sentenceOf);
  const all = spans.map(([from, to], i): Facts => {
    const ms = mentionsOf[i] ?? [];
    const cs = cuesOf[i] ?? [];
    // A place inside a mention belongs to a title: "the president of Sudan"; one inside a legal
    // phrase names a treaty: "parties to the Rome Statute", "Statut de Rome".
    const ps = (placesOf[i] ?? []).filter(
      (p) =>
        !ms.some((m) => p.from >= m.from && p.from < m.to) &&
        !cs.some((c) => c.kind === 'legal' && p.from >= c.from && p.from < c.to),
    );
    const { clauses, phrases } = clauseIndexes(text, tokens, cs, from, to);
    return {
      clauses,
      phrases,
      sentence: sentences[i]!,
      from,
      to,
      mentions: ms,
      subjects: [...new Set(ms.map((m) => m.subjectId))],
      cues: cs,
      kinds: cueKinds(cs),
      places: labelLists(
        ps.map((p) =>
          placeFacts(p, { cues: cs, mentions: ms, tokens, text, clauses, from, words, genitives }),
        ),
        { cues: cs, tokens, text, words, genitives },
      ),
      previous: undefined,
      lastSubject: undefined,
    };
  });
  let last: string | undefined;
  all.forEach((f, i) => {
    f.previous = all[i - 1];
    f.lastSubject = last;
    last = f.mentions.at(-1)?.subjectId ?? last;
  });
  return all;
}
