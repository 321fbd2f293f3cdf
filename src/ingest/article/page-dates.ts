/**
 * @module ingest/article/page-dates
 * The date evidence of a page body, gathered in one walk: dates in markup attributes (<time
 * datetime>, itemprop, pubdate, data-* timestamps), the visible text, where the headline starts in
 * it, and the spans of elements whose class or id names a date.
 */
import type { DomDocument, DomElement, DomNode } from './dom.js';
import { normalizeSpace } from './text.js';

/** How an element presents its date: as the publication, as a revision, or without saying. */
export type DateRole = 'published' | 'updated' | 'plain';

/** A date written in an attribute (or in a <time> or itemprop element's text). */
export interface MarkupDate {
  value: string;
  role: DateRole;
  /** Offset in `PageDates.text` where the element starts. */
  at: number;
  /** Inside navigation, a footer, a sidebar, comments or a list of other stories. */
  aside: boolean;
}

/** A span of the visible text belonging to an element whose class or id names a date. */
export interface DateSpan {
  start: number;
  end: number;
  role: DateRole;
  aside: boolean;
}

export interface PageDates {
  markup: MarkupDate[];
  /** The visible text of the body; block boundaries are "\n", so dates never run into each other. */
  text: string;
  spans: DateSpan[];
  /** [start, end) ranges of `text` inside asides (navigation, sidebars, comments, other stories). */
  asides: [number, number][];
  /** Offset in `text` of the headline (the heading that the page title names), or null without one. */
  headline: number | null;
  /** Offset in `text` where the headline ends, or null without one. */
  headlineEnd: number | null;
}

/** Whole-word class or id names of the parts of a page that are not the article. */
const ASIDE =
  /(?:^|[-_\s])(?:nav|navbar|navigation|menu|sidebar|aside|widgets?|comments?|related|recommend\w*|popular|trending|breadcrumbs?|most-?read|more-?stories|newsticker|ticker)(?:[-_\s]|$)/i;
/** Always asides; <aside> and <footer> only outside <article> and <main>, where they hold its byline. */
const ASIDE_TAGS = new Set(['nav']);
const ASIDE_OUTSIDE_ARTICLE = new Set(['aside', 'footer']);
/** Class or id words of elements that hold a date. */
const DATE_HINT = /date|time|datum|fecha|data|publi|posted|stamp|byline|dateline|meta|zeit|heure|info/i;
/** Words of a revision date (class names and labels in the languages the parser reads). */
export const UPDATED =
  /modif|updat|aktualisiert|geändert|edited|changed|revis|lastmod|mis à jour|actualizad/i;
const PUBLISHED_HINT = /publi|posted|created|erstellt|erschienen|entry-date|pubdate|issued/i;
/** data-* attributes that carry a timestamp or date. */
const DATA_DATE = /^data-(?:[\w-]*(?:date|time|publi|created|stamp)[\w-]*)$/;
/** Elements whose text is not shown as prose. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'select', 'option', 'button', 'textarea']);
const BLOCK =
  /^(?:address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|td|th|tr|ul|time)$/;
const HEADING = ['h1', 'h2', 'h3'];
const MAX_TEXT = 300_000;
/** Markup dates kept, in and out of asides: a news ticker can hold hundreds before the article's own. */
const MAX_MARKUP = 50;
const MAX_SPANS = 400;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

interface Heading {
  start: number;
  end: number;
  level: number;
}

interface Frame {
  el: DomElement;
  start: number;
  /** The element is an aside by its name or class. */
  aside: boolean;
  /** Where its markup dates and date spans begin in the walk's lists. */
  markupFrom: number;
  spansFrom: number;
  /** It or an ancestor is one: only bounds how many dates are kept from asides. */
  inAside: boolean;
  inArticle: boolean;
  /** The role the element's own class or id gives, if any. */
  own: DateRole | null;
  /** Its own role, else its parent's: a wrapper names the date of its child, not of a whole page. */
  role: DateRole;
  hint: boolean;
}

/**
 * The role a class or id gives. A lone `updated` class is hAtom's, which themes put on the only date
 * of a post ("entry-date updated"), so it does not mark a revision; "date-updated", "modified" do.
 */
function roleOf(label: string): DateRole | null {
  if (UPDATED.test(label) && UPDATED.test(label.replace(/(?:^|\s)updated(?=\s|$)/g, ' '))) return 'updated';
  if (PUBLISHED_HINT.test(label)) return 'published';
  return null;
}

/**
 * The dates an element states in its attributes (`names`, read once), with the role its name or
 * attributes give them.
 */
function attributeDates(el: DomElement, names: readonly string[], frame: Frame, w: Walk): void {
  const attr = (n: string) => (names.includes(n) ? (el.getAttributeNode(n)?.value ?? null) : null);
  const push = (value: string | null, role: DateRole) => {
    const k = frame.inAside ? 1 : 0;
    if (value && w.counts[k]++ < MAX_MARKUP) w.markup.push({ value, role, at: frame.start, aside: false });
  };
  const prop = attr('itemprop')?.toLowerCase() ?? '';
  if (prop === 'datepublished' || prop === 'datecreated' || prop === 'datemodified') {
    push(
      attr('datetime') ?? attr('content') ?? el.textContent,
      prop === 'datemodified' ? 'updated' : 'published',
    );
  } else if (el.localName === 'time') {
    push(attr('datetime'), names.includes('pubdate') ? 'published' : frame.role);
  } else {
    if (el.localName === 'abbr' && frame.hint) push(attr('title'), frame.role);
    for (const n of names) if (DATA_DATE.test(n)) push(attr(n), roleOf(n) ?? frame.role);
  }
}

/** The words of a text, lower-cased, for comparing a heading with the page title. */
const wordsOf = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** How much of both a heading and the title their shared words make up (Dice coefficient). */
function overlap(heading: Set<string>, title: Set<string>): number {
  let shared = 0;
  for (const w of heading) if (title.has(w)) shared++;
  return heading.size + title.size ? (2 * shared) / (heading.size + title.size) : 0;
}

/**
 * The headline: the heading (h1–h3) that shares most words with the page title, when it shares at
 * least half of them (a logo's <h1> shares only the site name; quotes and dashes may differ), the
 * highest heading on a tie (a teaser repeats the title in an <h3>); else the first <h1> of some length.
 */
function pickHeadline(text: string, headings: readonly Heading[], title: string): Heading | null {
  const t = wordsOf(title);
  let best: Heading | null = null;
  let bestScore = 0.5;
  for (const h of headings) {
    const score = overlap(wordsOf(text.slice(h.start, h.end)), t);
    if (score > bestScore || (best && score === bestScore && h.level < best.level))
      [best, bestScore] = [h, score];
  }
  return (
    best ??
    headings.find((h) => h.level === 1 && normalizeSpace(text.slice(h.start, h.end)).length >= 8) ??
    null
  );
}

/** An aside's span of text, and the markup dates and date spans found inside it (index ranges). */
interface AsideRange {
  start: number;
  end: number;
  markup: [number, number];
  spans: [number, number];
}

/** What one walk gathers, before the headline is known. */
interface Walk {
  markup: MarkupDate[];
  counts: [number, number];
  spans: DateSpan[];
  asides: AsideRange[];
  headings: Heading[];
  parts: string[];
  length: number;
}

function append(w: Walk, s: string): void {
  if (w.length >= MAX_TEXT) return;
  w.parts.push(s);
  w.length += s.length;
}

/** The frame of an element being entered: where its text starts and what its name and class say. */
const NO_NAMES: readonly string[] = [];

function open(w: Walk, el: DomElement, parent: Frame | undefined): Frame {
  const name = el.localName;
  const names = el.hasAttributes() ? el.getAttributeNames() : NO_NAMES;
  const cls = names.includes('class') ? (el.getAttributeNode('class')?.value ?? '') : '';
  const label = names.includes('id') ? `${cls} ${el.getAttributeNode('id')?.value ?? ''}` : cls;
  const hasLabel = label.length > 0;
  if (BLOCK.test(name)) append(w, '\n');
  const own = hasLabel ? roleOf(label) : null;
  const inArticle = (parent?.inArticle ?? false) || name === 'article' || name === 'main';
  const aside =
    ASIDE_TAGS.has(name) ||
    (ASIDE_OUTSIDE_ARTICLE.has(name) && !inArticle) ||
    (hasLabel && ASIDE.test(label));
  const frame: Frame = {
    el,
    start: w.length,
    markupFrom: w.markup.length,
    spansFrom: w.spans.length,
    aside,
    inAside: aside || (parent?.inAside ?? false),
    inArticle,
    own,
    role: own ?? parent?.own ?? 'plain',
    hint: name === 'time' || (hasLabel && DATE_HINT.test(label)),
  };
  attributeDates(el, names, frame, w);
  return frame;
}

/** The close of an element: its span of text is now known. */
function close(w: Walk, f: Frame): void {
  if (f.hint && w.length - f.start <= 160 && w.spans.length < MAX_SPANS)
    w.spans.push({ start: f.start, end: w.length, role: f.role, aside: false });
  if (f.aside)
    w.asides.push({
      start: f.start,
      end: w.length,
      markup: [f.markupFrom, w.markup.length],
      spans: [f.spansFrom, w.spans.length],
    });
  const level = HEADING.indexOf(f.el.localName) + 1;
  if (level > 0) w.headings.push({ start: f.start, end: w.length, level });
  if (BLOCK.test(f.el.localName)) append(w, '\n');
}

/**
 * Walk a subtree once, without recursion (pages can nest deep), by first child and next sibling:
 * linkedom builds a new list for every read of childNodes.
 */
function walk(root: DomNode): Walk {
  const w: Walk = { markup: [], counts: [0, 0], spans: [], asides: [], headings: [], parts: [], length: 0 };
  const frames: Frame[] = [];
  let node: DomNode = root;
  for (;;) {
    let child: DomNode | null = null;
    if (node.nodeType === TEXT_NODE) {
      // Runs of white space count as one space, so that offsets measure what a reader sees; most
      // text nodes of a page are indentation only.
      const v = node.nodeValue ?? '';
      append(w, v.trim() ? v.replace(/[\s\u00a0]+/g, ' ') : v && ' ');
    } else if (node.nodeType === ELEMENT_NODE && !SKIP.has((node as DomElement).localName)) {
      frames.push(open(w, node as DomElement, frames[frames.length - 1]));
      child = node.firstChild;
      if (!child) close(w, frames.pop()!);
    }
    if (child) {
      node = child;
      continue;
    }
    // Climb to the next sibling, closing the elements left on the way.
    for (;;) {
      if (node === root) return w;
      const sibling = node.nextSibling;
      if (sibling) {
        node = sibling;
        break;
      }
      node = node.parentNode!;
      close(w, frames.pop()!);
    }
  }
}

/** A body with less text than this is not where the page put its text (see readPageDates). */
const EMPTY_BODY = 200;

/**
 * The date evidence of the page body. A body that comes out (nearly) empty is one the parser
 * misplaced (content swallowed by an unclosed <head>, a second <body> or <html>): the whole
 * document is walked instead. An aside that holds the headline is a wrapper of the article
 * (`page-with-sidebar`), not an aside: it is dropped once the walk is done.
 */
export function readPageDates(doc: DomDocument, title = ''): PageDates {
  let w = walk(doc.body ?? doc);
  if (w.length < EMPTY_BODY && doc.documentElement && doc.body) w = walk(doc.documentElement);
  const text = w.parts.join('');
  const heading = pickHeadline(text, w.headings, title);
  const headline = heading?.start ?? null;
  const asides = w.asides.filter((a) => headline === null || !(a.start <= headline && headline < a.end));
  for (const a of asides) {
    for (let i = a.markup[0]; i < a.markup[1]; i++) w.markup[i]!.aside = true;
    for (let i = a.spans[0]; i < a.spans[1]; i++) w.spans[i]!.aside = true;
  }
  const ranges = asides.map((a) => [a.start, a.end] as [number, number]);
  return {
    markup: w.markup,
    text,
    spans: w.spans,
    asides: ranges,
    headline,
    headlineEnd: heading?.end ?? null,
  };
}
