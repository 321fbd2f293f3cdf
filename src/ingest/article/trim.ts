/**
 * @module ingest/article/trim
 * Last cleaning of the extracted paragraphs: boilerplate lines anywhere, and short non-sentences at
 * the edges (section labels, date lines, "More news") that survive DOM-level cleaning.
 */

/** Whole short paragraphs that are site furniture in any article. */
const FURNITURE =
  /^(?:advert(?:isement)?|anzeige|skip to (?:main )?content|report (?:an )?error|top videos?|don'?t miss|tags?|comments?|share(?: this(?: article| story)?)?|related(?: articles| stories)?|read more|more (?:news|stories) .*|join the conversation.*|sign up.*|subscribe.*|this slideshow requires javascript\.?|(?:published|updated|posted|last updated)\b.*|image \d+ of \d+|caption|close)$/i;
const SHORT = 80;
const MAX_EDGE_SHARE = 0.8;
const chars = (ps: readonly string[]) => ps.reduce((n, p) => n + p.length, 0);

/** A paragraph that reads as prose: ends like a sentence, or is too long to be a label. */
function isProse(p: string): boolean {
  return p.length >= SHORT || /[.!?…:;"'”’)»]$/.test(p);
}

/**
 * Drop furniture lines everywhere, then short non-sentences from the start and the end until the
 * first and last prose paragraphs, unless that would remove a fifth of the text.
 */
export function trimParagraphs(paragraphs: readonly string[]): string[] {
  const kept = paragraphs.filter((p) => p.length >= SHORT || !FURNITURE.test(p));
  let start = 0;
  let end = kept.length;
  while (start < end && !isProse(kept[start]!)) start++;
  while (end > start && !isProse(kept[end - 1]!)) end--;
  const trimmed = kept.slice(start, end);
  // Edges that hold a fifth of the text are content (a list of race dates, a poem), not labels.
  return chars(trimmed) >= chars(kept) * MAX_EDGE_SHARE ? trimmed : kept;
}
