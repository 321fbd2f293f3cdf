/**
 * @module ingest/article/text-dates
 * The dates of a page's visible text: where each stands from the headline, what the words before it
 * say (a publication, a revision, something else), and in which order the page writes a/b/year.
 */
import type { DomDocument } from './dom.js';
import { findDates, type DateOrder, type FoundDate } from './date-parse.js';
import { firstMeta, type MetaMap } from './meta.js';
import { UPDATED, type PageDates } from './page-dates.js';

/**
 * Words that introduce a publication date in page text. German "Stand" (as of) dates the version
 * shown; pages that write it rarely write another date.
 */
const LABEL =
  /(?<!\p{L})(?:published|posted|veröffentlicht|erschienen|publiziert|erstellt|publié|publicado|pubblicato|gepubliceerd|publicerad|julkaistu|opublikowano|datum|date|fecha|data|stand)(?:\s*(?:on|am|le|el|il|:|\|))*\s*$/iu;
/** Labels of dates that are not the publication: a member's registration, today's date. */
const NOT_PUBLICATION =
  /registriert|registered|joined|member since|mitglied seit|dabei seit|aktuelle zeit|current time|it is currently|heute ist|today is/i;

/** Characters of text read above the headline, in its byline region below it, and in all below it. */
export const TEXT_BEFORE = 300;
const BYLINE_AFTER = 600;
const TEXT_AFTER = 3000;

export interface TextDate extends FoundDate {
  /** Up to 40 characters before the date (after the previous one), where its label stands. */
  before: string;
  aside: boolean;
  /** Labelled or marked as a revision, or as another kind of date (a registration, today). */
  updated: boolean;
}

export interface TextDates {
  /** From a little above the headline to well below it, in reading order. */
  near: TextDate[];
  /** By the headline: from it down first, then above it, where mastheads and teasers stand. */
  byline: TextDate[];
  /** The byline dates from the headline down. */
  below: TextDate[];
}

const inside = (ranges: readonly (readonly [number, number])[], i: number) =>
  ranges.some(([a, b]) => a <= i && i < b);

/** The dates of `length` characters of text from `from`, with what surrounds each. */
function textDates(page: PageDates, from: number, length: number, max: number, order: DateOrder): TextDate[] {
  const window = page.text.slice(from, from + length);
  const revisions = page.spans.filter((s) => s.role === 'updated').map((s) => [s.start, s.end] as const);
  let previous = 0;
  return findDates(window, max, order).map((f) => {
    // The label of a date stands after the date before it, never across it.
    const before = window.slice(Math.max(previous, f.index - 40), f.index);
    previous = f.end;
    const index = f.index + from;
    return {
      ...f,
      index,
      end: f.end + from,
      before,
      aside: inside(page.asides, index),
      updated: UPDATED.test(before) || NOT_PUBLICATION.test(before) || inside(revisions, index),
    };
  });
}

/**
 * The dates around the headline. A date that the headline and the title both write is what the story
 * is about ("Results of 19.5.2007"), so it is not one of the byline's.
 */
export function readTextDates(page: PageDates, title: string, order: DateOrder): TextDates {
  const start = page.headline ?? 0;
  const end = page.headlineEnd ?? 0;
  const near = textDates(page, Math.max(0, start - TEXT_BEFORE), TEXT_BEFORE + TEXT_AFTER, 40, order);
  const titled = (d: TextDate) =>
    d.index >= start && d.index < end && title.includes(page.text.slice(d.index, d.end));
  const region = near.filter((d) => d.index < start + BYLINE_AFTER && !titled(d));
  const below = region.filter((d) => d.index >= start);
  return { near, byline: [...below, ...region.filter((d) => d.index < start)], below };
}

/** A date of the article: not in an aside, not a revision. */
export const ofArticle = (d: TextDate): boolean => !d.aside && !d.updated;

/** Dates introduced by a publication label ("Veröffentlicht am", "Published:"). */
export function labelled(dates: readonly TextDate[]): TextDate[] {
  return dates.filter((d) => ofArticle(d) && LABEL.test(d.before));
}

/** Dates inside an element whose class names a date (span.date, div.meta). */
export function inSpan(page: PageDates, dates: readonly TextDate[]): TextDate[] {
  const spanned = (d: TextDate) => page.spans.some((s) => s.start <= d.index && d.end <= s.end);
  return dates.filter((d) => ofArticle(d) && spanned(d));
}

/**
 * Dates of other stories (asides), revision dates, then the dates of the whole text (labelled ones
 * first): each better than none, since a page's other dates are usually days from its own.
 */
export function lastResort(page: PageDates, near: readonly TextDate[], order: DateOrder): string[] {
  const all = textDates(page, 0, page.text.length, 30, order);
  return [
    ...page.markup.filter((d) => d.role !== 'updated' && d.aside).map((d) => d.value),
    ...near.filter((d) => d.aside && !d.updated).map((d) => d.day),
    ...page.markup.filter((d) => d.role === 'updated').map((d) => d.value),
    ...near.filter((d) => d.updated).map((d) => d.day),
    ...labelled(all).map((d) => d.day),
    ...all.filter((d) => !d.updated).map((d) => d.day),
    ...all.map((d) => d.day),
  ];
}

/** Hosts of English-speaking countries that write the day first (15/04/2020). */
const DAY_FIRST_HOST = /\.(?:uk|ie|au|nz|in|za|sg|my|pk|ng|ke|gh|lk|bd|hk)$/i;
const MONTH_FIRST_HOST = /\.(?:com|net|org|us|gov|edu|mil)$/i;

/**
 * The order of 04/15/2020-style dates in the text: month first only in American English. The page's
 * language (<html lang>, xml:lang, og:locale) decides; English without a region, or no language at
 * all, is read as American on .com/.org/.gov… hosts and as day-first on a country's.
 */
export function textOrder(doc: DomDocument, meta: MetaMap, url?: string | null): DateOrder {
  const root = doc.documentElement;
  const locale = (
    root?.getAttribute('lang') ??
    root?.getAttribute('xml:lang') ??
    firstMeta(meta, ['og:locale', 'content-language', 'language']) ??
    ''
  )
    .toLowerCase()
    .replace('_', '-');
  let host = '';
  try {
    host = url ? new URL(url).hostname : '';
  } catch {
    // an unparsable URL says nothing about the country
  }
  const region = locale.split('-')[1];
  const american =
    (!locale || locale.startsWith('en')) &&
    (region
      ? region === 'us' || region === 'ph'
      : !DAY_FIRST_HOST.test(host) && (!!locale || MONTH_FIRST_HOST.test(host)));
  return american ? 'month-first' : 'day-first';
}
