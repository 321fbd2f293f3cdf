/**
 * @module ingest/article/published-date
 * The original publication date of a page, from its metadata, markup, URL or text, in a fixed order.
 *
 * Sources are tried in the order of `dateCandidates` and the first valid date wins; a comment there
 * says why each outranks the next: JSON-LD and Open Graph, then what the byline shows readers, then
 * other meta names, the URL, unlabelled markup, the text by the headline and below it. Revision
 * dates are used only as a last resort. A date after `reference` (default: none) or before 1990 is
 * rejected and the search goes on; a UTC timestamp takes the local day the page gives (localDay).
 */
import type { DomDocument } from './dom.js';
import { articleFirst, stringField, type JsonObject } from './jsonld.js';
import { firstMeta, type MetaMap } from './meta.js';
import { dayOf, isUtc, parseDate, type DateOrder } from './date-parse.js';
import { readPageDates, type PageDates } from './page-dates.js';
import {
  inSpan,
  labelled,
  lastResort,
  ofArticle,
  readTextDates,
  TEXT_BEFORE,
  textOrder,
  type TextDates,
} from './text-dates.js';

export interface DateContext {
  doc: DomDocument;
  meta: MetaMap;
  jsonLd: readonly JsonObject[];
  url?: string | null;
  /** `YYYY-MM-DD` or a Date: dates after this day are rejected (a page cannot be published in the future). */
  reference?: string | Date;
}

const OG_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'og:published_time',
  'article:published',
];
/** Publication meta tags, most specific first; never *modified* / *updated* names. */
const META_KEYS = [
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'published_time',
  'publication_date',
  'parsely-pub-date',
  'sailthru.date',
  'article.published',
  'originalpublicationdate',
  'article_date_original',
  'cxenseparse:recs:publishtime',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dcterms.created',
  'citation_publication_date',
  'citation_date',
  'dc.date',
  'dcterms.date',
  'date',
  'og:pubdate',
  'displaydate',
  'created',
  'creation_date',
];

/**
 * datePublished, else dateCreated, of the article-like objects first. A publisher that closes its
 * mainEntityOfPage object too late leaves the article's dates inside it: they are read there too.
 */
function fromJsonLd(objects: readonly JsonObject[]): string[] {
  const dates = (o: JsonObject) => [stringField(o['datePublished']), stringField(o['dateCreated'])];
  return articleFirst(objects)
    .flatMap((o) => {
      const page = o['mainEntityOfPage'];
      const inner = page && typeof page === 'object' && !Array.isArray(page) ? dates(page as JsonObject) : [];
      return [...dates(o), ...inner];
    })
    .filter((s): s is string => !!s);
}

/**
 * /2024/09/03/, /2024-09-03-, _20240903, /03-09-2024- (day first, as European CMSs write it), but
 * only when the URL gives a full day.
 */
function urlDate(url: string): string | null {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '');
  const ymd =
    /\/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?:[/_.-]|$)/.exec(path) ??
    /\D((?:19|20)\d\d)(\d\d)(\d\d)(?:\D|$)/.exec(path);
  if (ymd) return `${ymd[1]}-${ymd[2]}-${ymd[3]}`;
  const dmy = /[/_~-](\d\d)-(\d\d)-((?:19|20)\d\d)(?:[/_.-]|$)/.exec(path);
  return dmy ? `${dmy[3]}-${dmy[2]}-${dmy[1]}` : null;
}

/** The date of the page's address: the one it was read from, then its canonical and og:url. */
function fromUrl(ctx: DateContext): string[] {
  const canonical = ctx.doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  return [ctx.url, canonical, firstMeta(ctx.meta, ['og:url'])]
    .map((u) => (u ? urlDate(u) : null))
    .filter((d): d is string => !!d);
}

/** Markup that names its date as the publication (pubdate, itemprop, a "published" class). */
function markupPublished(page: PageDates): string[] {
  return page.markup.filter((d) => d.role === 'published' && !d.aside).map((d) => d.value);
}

/** Other markup dates (<time datetime>, data-* timestamps), the article's first, never revisions. */
function markupPlain(page: PageDates): string[] {
  const from = Math.max(0, (page.headline ?? 0) - TEXT_BEFORE);
  const usable = page.markup.filter((d) => d.role === 'plain' && !d.aside);
  return [...usable.filter((d) => d.at >= from), ...usable.filter((d) => d.at < from)].map((d) => d.value);
}

/** The order of a/b/year dates in the page's text (see textOrder). */
const orderOf = (ctx: DateContext): DateOrder => textOrder(ctx.doc, ctx.meta, ctx.url);

function referenceDay(ref: string | Date | undefined): string | null {
  if (!ref) return null;
  return typeof ref === 'string' ? dayOf(ref) : ref.toISOString().slice(0, 10);
}

/** A source of candidate dates, named so that its rank can be read and tested. */
export interface DateCandidate {
  source: string;
  value: string;
}

/**
 * Every candidate, in the order of trust; `publishedDate` takes the first valid one. Lazy: the body
 * is walked only when the metadata has no date.
 */
export function* dateCandidates(ctx: DateContext, order = orderOf(ctx)): Generator<DateCandidate> {
  let page: PageDates | undefined;
  let text: TextDates | undefined;
  const title = () =>
    firstMeta(ctx.meta, ['og:title', 'twitter:title']) ?? ctx.doc.querySelector('title')?.textContent ?? '';
  const body = () => (page ??= readPageDates(ctx.doc, title()));
  const dates = () => (text ??= readTextDates(body(), title(), order));
  const days = (list: readonly { day: string }[]) => list.map((d) => d.day);
  const sources: [string, () => (string | null)[]][] = [
    // The publisher's structured statements for search engines and sharing, kept up by them.
    ['jsonld', () => fromJsonLd(ctx.jsonLd)],
    ['og', () => [firstMeta(ctx.meta, OG_KEYS)]],
    // What the byline tells readers: markup that says "published" (pubdate, itemprop, a class),
    ['markup-published', () => markupPublished(body())],
    // a date it labels so ("Veröffentlicht am"), a date line under the headline. This outranks
    ['text-labelled', () => days(labelled(dates().byline))],
    ['text-span', () => days(inSpan(body(), dates().below))],
    // the long tail of meta names, where CMSs leave a generic "date" that is often the last edit.
    ['meta', () => META_KEYS.map((k) => ctx.meta.get(k)?.[0] ?? null)],
    // A permalink's date is fixed when the article first appears.
    ['url', () => fromUrl(ctx)],
    // A machine-readable date that does not say what it dates.
    ['markup', () => markupPlain(body())],
    // Date lines above the headline (mastheads stand there), then any date by the headline.
    ['text-span-around', () => days(inSpan(body(), dates().byline))],
    ['text-first', () => days(dates().byline.filter(ofArticle))],
    // The same further down the article, where more dates are of events or of other stories.
    ['text-below-labelled', () => days(labelled(dates().near))],
    ['text-below-span', () => days(inSpan(body(), dates().near))],
    ['text-below', () => days(dates().near.filter(ofArticle))],
    // A date in a script's page state: pages drawn by scripts show no other.
    ['script', () => [firstMeta(ctx.meta, ['script:published'])]],
    // Dates of other stories and of revisions: wrong by days at worst, where no date is wrong by all.
    ['last-resort', () => lastResort(body(), dates().near, order)],
  ];
  for (const [source, read] of sources) for (const value of read()) if (value) yield { source, value };
}

/**
 * Where a UTC timestamp's local day is read, after the permalink's (see localDay): what the page
 * shows its readers by the headline, then markup that writes its own offset. The first one counts.
 */
const LOCAL_DAY_SOURCES = ['text-labelled', 'text-span', 'text-first', 'markup-published', 'markup'];
/** Newsrooms' zones lie within ten hours of UTC (Hawaii to Sydney in winter); a wider band lets an
 * unrelated date one day off pass for a local day. */
const MAX_OFFSET = 10 * 3_600_000;

/**
 * The local day of a UTC timestamp, when the page writes that day: an instant written in UTC (as
 * metadata often is) falls on the day before or after in the newsroom's zone (a Los Angeles story
 * at 22:35 is 06:35Z the next day). The permalink's day comes first, since it is fixed in the
 * newsroom's zone when the story first appears (and reading it needs no walk over the page); else
 * the first of LOCAL_DAY_SOURCES. The local day wins if a zone within MAX_OFFSET of UTC puts the
 * instant on it.
 */
function localDay(
  utc: string,
  ctx: DateContext,
  later: Iterable<DateCandidate>,
  limit: string | null,
): string {
  const day = dayOf(utc);
  const t = Date.parse(utc);
  const near = new Set([t - MAX_OFFSET, t + MAX_OFFSET].map((x) => new Date(x).toISOString().slice(0, 10)));
  const shifted = (local: string | undefined) => (local && local !== day && near.has(local) ? local : utc);
  const url = fromUrl(ctx)
    .map((u) => parseDate(u))
    .find((d) => d && (!limit || d <= limit));
  if (url) return shifted(url);
  const found = new Map<string, string>();
  for (const c of later) {
    if (c.source === 'text-below-labelled') break;
    if (!LOCAL_DAY_SOURCES.includes(c.source) || found.has(c.source)) continue;
    const d = parseDate(c.value);
    if (d && !isUtc(d) && (!limit || dayOf(d) <= limit)) found.set(c.source, dayOf(d));
  }
  return shifted(LOCAL_DAY_SOURCES.map((s) => found.get(s)).find((d) => d));
}

/** The publication date: the first candidate, in source order, that parses and is not in the future. */
export function publishedDate(ctx: DateContext): string | null {
  const limit = referenceDay(ctx.reference);
  const candidates = dateCandidates(ctx, orderOf(ctx));
  for (const { value } of candidates) {
    // Values of tags and attributes are written by software, in its (American) order; text dates
    // were read in the page's own order already.
    const d = parseDate(value);
    if (!d || (limit && dayOf(d) > limit)) continue;
    return isUtc(d) ? localDay(d, ctx, candidates, limit) : d;
  }
  return null;
}
