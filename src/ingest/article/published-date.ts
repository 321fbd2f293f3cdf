/**
 * @module ingest/article/published-date
 * The original publication date of a page, from its metadata, markup, URL or text, in a fixed order.
 *
 * Sources are tried in this order and the first valid date wins (structured data is what publishers
 * mean; visible text is the last resort): JSON-LD datePublished/dateCreated → Open Graph and
 * article:published_time → other meta tags → <time> and itemprop="datePublished" elements → the URL
 * (/2024/09/03/, 20240903) → a date in the text near the top of the page. Modified dates are never
 * used. A date after `reference` (default: none) or before 1990 is rejected and the search goes on.
 */
import type { DomDocument } from './dom.js';
import { articleFirst, stringField, type JsonObject } from './jsonld.js';
import { firstMeta, type MetaMap } from './meta.js';
import { dayOf, parseDate } from './date-parse.js';
import { normalizeSpace } from './text.js';

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
  'last-modified-is-not-used',
].filter((k) => !k.includes('not-used'));

function fromJsonLd(objects: readonly JsonObject[]): string[] {
  return articleFirst(objects)
    .flatMap((o) => [stringField(o['datePublished']), stringField(o['dateCreated'])])
    .filter((s): s is string => !!s);
}

function fromMarkup(doc: DomDocument): string[] {
  const out: string[] = [];
  const sel = 'time[pubdate], [itemprop="datePublished"], time[datetime], abbr.published[title]';
  for (const el of Array.from(doc.querySelectorAll(sel)).slice(0, 20)) {
    // A <time> in a "modified"/"updated" wrapper is a revision date, not the publication.
    const label = `${el.getAttribute('class') ?? ''} ${el.parentElement?.getAttribute('class') ?? ''}`;
    if (/modif|updat|aktualisiert/i.test(label) && !el.hasAttribute('pubdate')) continue;
    const v =
      el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.getAttribute('title') ?? el.textContent;
    if (v) out.push(v);
  }
  return out;
}

/** /2024/09/03/, /2024-09-03-, _20240903, but only when the URL gives a full day. */
function fromUrl(url: string | null | undefined): string[] {
  if (!url) return [];
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '');
  const m =
    /\/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?:[/_.-]|$)/.exec(path) ??
    /\D((?:19|20)\d\d)(\d\d)(\d\d)\D/.exec(path);
  return m ? [`${m[1]}-${m[2]}-${m[3]}`] : [];
}

/** Words that introduce a publication date in page text; a labelled date beats the first bare date. */
const LABEL =
  /\b(?:published|posted|veröffentlicht|erschienen|publié|publicado|pubblicato|gepubliceerd|datum|date)\s*(?:on|am|le|el|il|:)?\s*/i;
const TEXT_WINDOW = 3000;

function fromText(doc: DomDocument): string[] {
  const h1 = doc.querySelector('h1');
  // Start at the headline when there is one: dates above it are usually today's date in the masthead.
  const scope = h1?.parentElement?.parentElement ?? doc.body;
  const text = normalizeSpace(scope?.textContent ?? '').slice(0, TEXT_WINDOW);
  const out: string[] = [];
  const labelled = new RegExp(LABEL.source + '(.{6,40})', 'gi');
  for (const m of text.matchAll(labelled)) out.push(m[1]!);
  for (let i = 0; i < text.length; i += 60) out.push(text.slice(i, i + 80));
  return out;
}

function referenceDay(ref: string | Date | undefined): string | null {
  if (!ref) return null;
  return typeof ref === 'string' ? dayOf(ref) : ref.toISOString().slice(0, 10);
}

/** The publication date: the first candidate, in source order, that parses and is not in the future. */
export function publishedDate(ctx: DateContext): string | null {
  const limit = referenceDay(ctx.reference);
  const sources: (() => (string | null)[])[] = [
    () => fromJsonLd(ctx.jsonLd),
    () => [firstMeta(ctx.meta, OG_KEYS)],
    () => META_KEYS.map((k) => ctx.meta.get(k)?.[0] ?? null),
    () => fromMarkup(ctx.doc),
    () => fromUrl(ctx.url),
    () => fromText(ctx.doc),
  ];
  for (const source of sources) {
    for (const raw of source()) {
      const d = raw ? parseDate(raw) : null;
      if (d && (!limit || dayOf(d) <= limit)) return d;
    }
  }
  return null;
}
