/**
 * @module ingest/article/document
 * Hostile HTML → a linkedom Document: cap the size, flatten absurd nesting, always give html/head/body.
 */
import type { DomDocument } from './dom.js';
import { DOMParser } from 'linkedom';

/**
 * Pages above this many characters are cut before parsing. Real articles are well under 2 MB of HTML;
 * beyond 5 MB a page is a dump or an attack, and parsing time and memory grow with it.
 */
export const MAX_HTML_CHARS = 5_000_000;

/**
 * linkedom's parser is quadratic in nesting depth (200,000 nested divs take ~50 s), and recursive
 * DOM walks overflow the stack long before that. No real page nests more than a few hundred deep.
 */
export const MAX_DEPTH = 400;

// Elements that never hold children, or whose end tag is usually omitted: they must not count as depth.
const NO_DEPTH = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dt dd option tr td th tbody thead tfoot colgroup rt rp optgroup'.split(
    ' ',
  ),
);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g;

/**
 * Drop opening tags (and their end tags) below MAX_DEPTH; their text is kept, one level up. A cheap
 * approximation of the tree builder: only tags that can nest without an end tag are ignored.
 */
export function limitNesting(html: string, maxDepth = MAX_DEPTH): string {
  let depth = 0;
  let dropped = 0; // end tags still to swallow for the opening tags we dropped
  let deepest = 0;
  // First pass is a count only: almost every page passes untouched and we avoid rebuilding the string.
  for (const m of html.matchAll(TAG)) {
    if (NO_DEPTH.has(m[2]!.toLowerCase()) || m[3]) continue;
    depth += m[1] ? -1 : 1;
    if (depth > deepest) deepest = depth;
    if (deepest > maxDepth) break;
  }
  if (deepest <= maxDepth) return html;
  depth = 0;
  return html.replace(TAG, (whole, close: string, name: string, selfClosing: string) => {
    if (NO_DEPTH.has(name.toLowerCase()) || selfClosing) return whole;
    if (close) {
      if (dropped > 0 && depth <= maxDepth) {
        dropped--;
        return '';
      }
      depth = Math.max(0, depth - 1);
      return whole;
    }
    if (depth >= maxDepth) {
      dropped++;
      return '';
    }
    depth++;
    return whole;
  });
}

/** Cut the page, flatten deep nesting and make sure it has a document element, so linkedom builds a full tree. */
export function prepareHtml(html: string): string {
  let s = html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html;
  s = limitNesting(s);
  // linkedom makes the first element of a fragment the document element; wrap fragments in <html>.
  if (!/<html[\s>]/i.test(s.slice(0, 4096))) s = `<!DOCTYPE html><html><head></head><body>${s}</body></html>`;
  return s;
}

/** Parse prepared HTML. linkedom does not throw on broken markup, but we guard anyway: never throw. */
export function parseDocument(html: string): DomDocument {
  const parser = new DOMParser();
  try {
    return parser.parseFromString(prepareHtml(html), 'text/html') as unknown as DomDocument;
  } catch {
    return parser.parseFromString(
      '<!DOCTYPE html><html><head></head><body></body></html>',
      'text/html',
    ) as unknown as DomDocument;
  }
}
