/**
 * @module extract/sentence/lists
 * Countries that label people written before them: "the representatives of the United States",
 * "the embassy of Mongolia". A label before the first
 * country of a list labels the whole list ("the leaders of Brazil, India and China attended"):
 * they are the other guests' countries, not his destinations.
 */
import type { PlaceMention } from '../places/index.js';
import type { Place, SentenceParts } from './types.js';

// A label is in the clause of its place: no comma, bracket or dash between.
export const LABEL_BREAK = /[,;:()\[\]–—،؛，、；：（）「」『』【】፣፤፥፦]|\s-\s/u;
// Between two countries of one list: commas and spaces, once the conjunctions are taken out.
const LIST_GAP = /^[\s,،、，]*$/u;

type Parts = Pick<SentenceParts, 'cues' | 'tokens' | 'text' | 'words' | 'genitives'>;

/**
 * A label written before its country, joined by the language's "of" and maybe an article ("the
 * representatives of the United States"). Not right before it: "Russian ally Belarus" is the ally.
 * Not across a comma or a bracket.
 */
export function labelBefore(p: PlaceMention, s: Parts): boolean {
  const { cues, tokens, text, words, genitives } = s;
  const label = (to: number) =>
    cues.some(
      (c) =>
        c.kind === 'attributive' &&
        !c.flipped &&
        c.to === to &&
        !LABEL_BREAK.test(text.slice(tokens[c.from]!.start, tokens[p.from]!.start)),
    );
  let of = p.from - 1;
  if (words.articles.has(tokens[of]?.key ?? '')) of--;
  return genitives.has(tokens[of]?.key ?? '') && label(of);
}

/** The places of a sentence, each country after a labelled one in the same list labelled too. */
export function labelLists(places: Place[], s: Parts): Place[] {
  let head = false;
  for (let i = 1; i < places.length; i++) {
    const [a, b] = [places[i - 1]!, places[i]!];
    head = head || (a.attributive && labelBefore(a, s));
    if (!b.attributive && head && listed(a, b, s)) places[i] = { ...b, attributive: true };
    else head = false;
  }
  return places;
}

/** Whether only commas and conjunctions stand between `a` and `b`. */
function listed(a: Place, b: Place, { cues, tokens, text }: Parts): boolean {
  let gap = '';
  let at = tokens[a.to - 1]!.end;
  for (let i = a.to; i < b.from; i++) {
    if (!cues.some((c) => c.kind === 'conjunction' && i >= c.from && i < c.to)) return false;
    gap += text.slice(at, tokens[i]!.start);
    at = tokens[i]!.end;
  }
  return LIST_GAP.test(gap + text.slice(at, tokens[b.from]!.start));
}
