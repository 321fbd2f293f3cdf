/**
 * @module ingest/article/cap
 * The bound on the text kept of one article, whatever its source: a page, a post, a file or a
 * record of a JSON file. Text over it is cut at a word boundary and the caller says so.
 */

/**
 * The most characters of text kept of one article. A long read is 60,000 characters; 200,000 is
 * three times the longest news article we have seen. Beyond, a "page" is a dump or an attack, and
 * what reads the text (the extractor's sentence and context passes) grows faster than its length:
 * 0.2 MB of text costs about a second there, 1 MB half a minute.
 */
export const MAX_ARTICLE_CHARS = 200_000;

/** How far back from the cap a word boundary is looked for before cutting mid-word. */
const BOUNDARY_WINDOW = 2_000;

/** `text` within `max` characters, and the length it had when it was cut. */
export function capText(text: string, max = MAX_ARTICLE_CHARS): { text: string; cutFrom?: number } {
  if (text.length <= max) return { text };
  let end = max;
  const space = text.slice(max - BOUNDARY_WINDOW, max + 1).search(/\s\S*$/);
  if (space > 0) end = max - BOUNDARY_WINDOW + space;
  const code = text.charCodeAt(end);
  if (code >= 0xdc00 && code <= 0xdfff) end--; // never split a surrogate pair
  return { text: text.slice(0, end).trimEnd(), cutFrom: text.length };
}
