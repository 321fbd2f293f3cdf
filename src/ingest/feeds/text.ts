/**
 * @module ingest/feeds/text
 * HTML fragments to plain text for titles and summaries: tags dropped, entities decoded, blocks
 * separated, whitespace collapsed. A fast regex pass: feed snippets are small and never rendered.
 */
import { decodeEntities } from './entities.js';

const INVISIBLE = /<(script|style|template|noscript|iframe|object)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const BLOCK = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|blockquote|pre|section|article|hr|dd|dt)\b[^>]*>/gi;

/** Plain text of an HTML fragment; paragraphs become newlines, runs of spaces one space. */
export function htmlToText(html: string): string {
  const withBreaks = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(INVISIBLE, '')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(BLOCK, '\n')
    .replace(/<\/?[A-Za-z][^>]*>/g, '');
  return normaliseSpace(decodeEntities(withBreaks));
}

/** Collapses spaces within lines and blank lines between them; trims. */
export function normaliseSpace(s: string): string {
  return s
    .replace(/[ \t\f\v\r\u00a0]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}

/** A one-line title: HTML (when the format says or the text looks like markup) reduced to text. */
export function titleText(value: string, isHtml: boolean): string {
  const text = isHtml || /<\/?[A-Za-z][^>]*>|&#?\w+;/.test(value) ? htmlToText(value) : value;
  return text.replace(/\s+/g, ' ').trim();
}
