/**
 * @module ingest/article
 * HTML → article: main text, title, byline, publication date, language and canonical URL.
 */
import { extractBody } from './body.js';
import { parseDocument } from './document.js';
import { readJsonLd } from './jsonld.js';
import { findLang } from './lang.js';
import { readMeta } from './meta.js';
import { findByline, findTitle, findUrl } from './metadata.js';
import { publishedDate } from './published-date.js';

export { MAX_HTML_CHARS } from './document.js';
export { capText, MAX_ARTICLE_CHARS } from './cap.js';
export { parseDate } from './date-parse.js';

export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  /** `YYYY-MM-DD`, or a full ISO date-time with offset when the page gives one. */
  published: string | null;
  /** ISO 639-1 code. */
  lang: string | null;
  /** Canonical absolute URL when the page names one, else `pageUrl`. */
  url: string | null;
  /** Main text, paragraphs separated by "\n\n". */
  text: string;
}

export interface ExtractOptions {
  /** Publication dates after this day are rejected; pass the fetch time. */
  reference?: string | Date;
}

/**
 * Extract an article from a page. Never throws: broken HTML gives whatever can be found, and pages
 * over MAX_HTML_CHARS (5 MB) are cut before parsing.
 */
export function extractArticle(
  html: string,
  pageUrl?: string,
  options: ExtractOptions = {},
): ExtractedArticle {
  const doc = parseDocument(html);
  const meta = readMeta(doc);
  const jsonLd = readJsonLd(doc);
  // Metadata first: Readability rewrites the document it reads.
  const title = findTitle(doc, meta, jsonLd);
  const byline = findByline(doc, meta, jsonLd);
  const url = findUrl(doc, meta, pageUrl);
  const published = publishedDate({ doc, meta, jsonLd, url: url ?? pageUrl, reference: options.reference });
  const text = extractBody(doc, jsonLd, () => parseDocument(html)).join('\n\n');
  return { title, byline, published, lang: findLang(doc, meta, text), url, text };
}
