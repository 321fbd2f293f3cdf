/**
 * @module ingest/article/document
 * Hostile HTML → a linkedom Document: cap the size, drop scripts, flatten absurd nesting, lower-case
 * attribute names, always give html/head/body. Every pass over the string is linear, whatever the input.
 */
import { DOMParser } from 'linkedom';
import type { DomDocument } from './dom.js';

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
const TAG_NAME = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/g;

interface Tag {
  start: number;
  end: number;
  close: boolean;
  name: string;
  selfClosing: boolean;
}

/**
 * Each tag of `html` in order. The `>` is found with indexOf and the search resumes after it: a
 * `[^>]*` pattern would be quadratic on "<a <a <a ...". Stops at a tag that never closes.
 */
function* tags(html: string): Generator<Tag> {
  TAG_NAME.lastIndex = 0;
  for (let m = TAG_NAME.exec(html); m; m = TAG_NAME.exec(html)) {
    const gt = html.indexOf('>', TAG_NAME.lastIndex);
    if (gt < 0) return;
    const name = m[2]!.toLowerCase();
    yield { start: m.index, end: gt + 1, close: !!m[1], name, selfClosing: html[gt - 1] === '/' };
    TAG_NAME.lastIndex = gt + 1;
  }
}

/** `html` with the given [start, end) ranges, in order, cut or replaced by their third element. */
function cutRanges(html: string, ranges: readonly (readonly [number, number, string?])[]): string {
  if (!ranges.length) return html;
  const parts: string[] = [];
  let pos = 0;
  for (const [a, b, replacement] of ranges) {
    parts.push(html.slice(pos, a));
    if (replacement) parts.push(replacement);
    pos = b;
  }
  parts.push(html.slice(pos));
  return parts.join('');
}

/** One attribute of a start tag: its name, then an optional value (quoted, or bare up to a space). */
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"[^"]*"?|'[^']*'?|[^\s>]*))?/g;

/**
 * The start tag `tag` with its attribute names lower-cased, or null when none has a capital.
 * HTML attribute names are case-insensitive, but linkedom keeps them as written (it parses for SVG
 * too), so `<time dateTime=…>` or `itemProp=` (React's spelling) would be invisible to
 * getAttribute('datetime') and to selectors. SVG is dropped before this, so nothing needs the case.
 */
export function lowerAttributeNames(tag: string, from: number): string | null {
  const parts: string[] = [];
  let pos = 0;
  ATTRIBUTE.lastIndex = from;
  for (let m = ATTRIBUTE.exec(tag); m; m = ATTRIBUTE.exec(tag)) {
    const name = m[1]!;
    const lower = name.toLowerCase();
    if (lower === name || lower.length !== name.length) continue;
    parts.push(tag.slice(pos, m.index), lower);
    pos = m.index + name.length;
  }
  if (!parts.length) return null;
  parts.push(tag.slice(pos));
  return parts.join('');
}

/**
 * Drop opening tags (and their end tags) below `maxDepth`; their text is kept, one level up. A cheap
 * approximation of the tree builder: tags that need no end tag do not count. The same pass lower-cases
 * attribute names. Shallow pages written in lower case (almost all) come back as the same string.
 */
export function limitNesting(html: string, maxDepth = MAX_DEPTH): string {
  let depth = 0;
  let dropped = 0; // end tags still to swallow for the opening tags we dropped
  const cut: [number, number, string?][] = [];
  for (const t of tags(html)) {
    const lowered = t.close ? null : capitalAttribute(html, t);
    if (NO_DEPTH.has(t.name) || t.selfClosing) {
      if (lowered) cut.push([t.start, t.end, lowered]);
      continue;
    }
    if (t.close && dropped > 0 && depth <= maxDepth) {
      dropped--;
      cut.push([t.start, t.end]);
    } else if (t.close) depth = Math.max(0, depth - 1);
    else if (depth >= maxDepth) {
      dropped++;
      cut.push([t.start, t.end]);
    } else {
      depth++;
      if (lowered) cut.push([t.start, t.end, lowered]);
    }
  }
  return cutRanges(html, cut);
}

/** The start tag with lower-cased attribute names, or null; only a tag with some capital is scanned. */
function capitalAttribute(html: string, t: Tag): string | null {
  const tag = html.slice(t.start, t.end);
  return /[A-Z]/.test(tag) ? lowerAttributeNames(tag, t.name.length + 1) : null;
}

/**
 * Scripts (except JSON-LD), styles, inline SVG and comments are never article text, and on news
 * pages they are often half the bytes: dropping them before parsing saves a fifth of the time.
 */
const DEAD_OPEN = /<(script|style|svg)\b|<!--/gi;
const DEAD_CLOSE: Readonly<Record<string, RegExp>> = {
  script: /<\/script\s*>/gi,
  style: /<\/style\s*>/gi,
  svg: /<\/svg\s*>/gi,
  comment: /-->/g,
};

/**
 * A publication date stated in a script's data (a framework's page state: `"publishedAt": "…"`),
 * the key's last word naming it. Only ISO dates, in quotes, count.
 */
const SCRIPT_DATE =
  /["'](?:date_?published|published_?(?:at|date|time)|publish_?date|publication_?date|first_?published_?(?:at|date)?|date_?created|created_?at)["']\s*:\s*["']((?:19|20)\d\d-\d\d-\d\d[\dT:.+Z-]{0,20})["']/i;

/**
 * A script is dropped, but the first publication date its data states is kept as a
 * `<meta name="script:published">`, so that pages whose content is drawn by scripts still tell
 * their date. Scripts over 2 MB are not searched.
 */
function scriptDate(html: string, from: number, to: number): string | undefined {
  if (to - from > 2_000_000) return undefined;
  const m = SCRIPT_DATE.exec(html.slice(from, to));
  return m ? `<meta name="script:published" content="${m[1]}">` : undefined;
}

/** One linear pass. Like a browser, an unclosed script or comment runs to the end of the page. */
export function stripDeadWeight(html: string): string {
  const cut: [number, number, string?][] = [];
  let dated = false;
  DEAD_OPEN.lastIndex = 0;
  for (let m = DEAD_OPEN.exec(html); m; m = DEAD_OPEN.exec(html)) {
    const kind = m[1]?.toLowerCase() ?? 'comment';
    const gt = kind === 'comment' ? DEAD_OPEN.lastIndex : html.indexOf('>', DEAD_OPEN.lastIndex);
    if (gt < 0) break; // an opening tag that never ends: the parser drops it too
    if (kind === 'script' && /ld\+json/i.test(html.slice(DEAD_OPEN.lastIndex, gt))) continue;
    const close = DEAD_CLOSE[kind]!;
    close.lastIndex = gt;
    const end = close.exec(html) ? close.lastIndex : html.length;
    const kept: string | undefined = kind === 'script' && !dated ? scriptDate(html, gt, end) : undefined;
    dated ||= !!kept;
    cut.push([m.index, end, kept]);
    DEAD_OPEN.lastIndex = end;
  }
  return cutRanges(html, cut);
}

/** The page's own <html> tag (before its <head> or <body>), and its doctype, in its first bytes. */
const HTML_TAG = /<html[\s>]/i;
const HEAD_OR_BODY = /<(?:head|body)[\s>]/i;
const DOCTYPE = /<!doctype\b/i;
const START_WINDOW = 65_536;

/**
 * Cut the page, drop dead weight, flatten deep nesting and make sure it has a document element.
 * linkedom makes the first element it meets the document element: a page without <html> is wrapped
 * in one, and markup before the page's own start (a server's PHP warnings) is dropped, or it would
 * take the place of <html> and leave an empty body.
 */
export function prepareHtml(html: string): string {
  let s = html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html;
  s = limitNesting(stripDeadWeight(s));
  const head = s.slice(0, START_WINDOW);
  const tag = HTML_TAG.exec(head);
  const inner = HEAD_OR_BODY.exec(head);
  if (!tag || (inner && inner.index < tag.index))
    return `<!DOCTYPE html><html><head></head><body>${s}</body></html>`;
  const doctype = DOCTYPE.exec(head);
  const start = doctype && doctype.index < tag.index ? doctype.index : tag.index;
  return start > 0 && s.slice(0, start).includes('<') ? s.slice(start) : s;
}

const EMPTY = '<!DOCTYPE html><html><head></head><body></body></html>';

/** Parse prepared HTML. linkedom does not throw on broken markup, but we guard anyway: never throw. */
export function parseDocument(html: string): DomDocument {
  const parser = new DOMParser();
  try {
    return parser.parseFromString(prepareHtml(html), 'text/html') as unknown as DomDocument;
  } catch {
    return parser.parseFromString(EMPTY, 'text/html') as unknown as DomDocument;
  }
}
