/**
 * @module alerts/feeds
 * The alerts as syndication documents, Atom 1.0 and JSON Feed 1.1 (the `feed` package writes and
 * escapes them): one for every alert, one per wanted person, one per state. Pure: the alerts,
 * names and address in; the documents, each with the path it is served at, out.
 */
import { Feed } from 'feed';
import type { RaisedAlert } from './webhook.js';

/** What happened, in a headline: who, and where. */
export const HEADLINE: Record<RaisedAlert['kind'], (who: string, where: string) => string> = {
  upcoming_visit: (who, where) => `${who} to visit ${where}`,
  arrival: (who, where) => `${who} has arrived in ${where}`,
  departed_without_arrest: (who, where) => `${who} left ${where} without being arrested`,
  cancelled: (who, where) => `${who} will not come to ${where} (cancelled, or by video)`,
  arrested: (who, where) => `${who} arrested in ${where}`,
};

export interface FeedDocument {
  /** Where it is served, without extension: `alerts`, `alerts/subject/putin-vladimir`, `alerts/country/MN`. */
  path: string;
  atom: string;
  json: string;
}

export interface FeedNames {
  subject(id: string): string;
  country(iso2: string): string;
}

/** At most this many entries a document: the newest. */
export const FEED_ENTRIES = 50;

/** Text as HTML: the `feed` package marks entry titles and summaries as HTML. */
const html = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The page a feed is the alerts of: the home page, a person's, a country's (src/web). */
function pageOf(path: string): string {
  const [, of, id] = path.split('/');
  if (of === 'subject') return `/people/${encodeURIComponent(id!)}`;
  if (of === 'country') return `/countries/${encodeURIComponent(id!)}`;
  return '/';
}

function build(
  path: string,
  title: string,
  newest: readonly RaisedAlert[],
  names: FeedNames,
  base: string,
  titleOf: (text: string) => string,
): Feed {
  const feed = new Feed({
    id: `${base}/feeds/${path}`,
    link: `${base}${pageOf(path)}`,
    title,
    description: 'Alerts of warrant-watch: wanted persons travelling to states bound to arrest them.',
    copyright: 'The record of warrant-watch; the news it cites belongs to its publishers.',
    updated: new Date(newest[0]?.createdAt ?? 0),
    generator: 'warrant-watch',
    // Where the web serves the documents this stage writes (src/web/feeds.ts).
    feedLinks: { atom: `${base}/feeds/${path}.atom`, json: `${base}/feeds/${path}.json` },
  });
  for (const a of newest) {
    const who = names.subject(a.subjectId);
    const where = names.country(a.countryIso2);
    const headline = HEADLINE[a.kind](who, where);
    feed.addItem({
      id: a.id,
      link: `${base}/trips/${encodeURIComponent(a.tripId)}`,
      title: titleOf(headline),
      description: html(
        `${headline}. ${where} has a ${a.duty.kind} duty to arrest on ${a.duty.date}. Raised after article ${a.articleId}.`,
      ),
      date: new Date(a.createdAt),
      category: [{ name: a.kind }],
    });
  }
  return feed;
}

function document(
  path: string,
  title: string,
  alerts: readonly RaisedAlert[],
  names: FeedNames,
  base: string,
): FeedDocument {
  const newest = [...alerts]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))
    .slice(0, FEED_ENTRIES);
  // An Atom entry title is HTML there, a JSON Feed title plain text: one escaped, one not.
  return {
    path,
    atom: build(path, title, newest, names, base, html).atom1(),
    json: build(path, title, newest, names, base, (t) => t).json1(),
  };
}

export function alertFeeds(
  alerts: readonly RaisedAlert[],
  names: FeedNames,
  baseUrl: string,
): FeedDocument[] {
  const base = baseUrl.replace(/\/+$/, '');
  const by = (key: (a: RaisedAlert) => string) => {
    const m = new Map<string, RaisedAlert[]>();
    for (const a of alerts) m.set(key(a), [...(m.get(key(a)) ?? []), a]);
    return [...m].sort(([x], [y]) => x.localeCompare(y));
  };
  return [
    document('alerts', 'warrant-watch: every alert', alerts, names, base),
    ...by((a) => a.subjectId).map(([id, list]) =>
      document(`alerts/subject/${id}`, `warrant-watch: ${names.subject(id)}`, list, names, base),
    ),
    ...by((a) => a.countryIso2).map(([iso2, list]) =>
      document(`alerts/country/${iso2}`, `warrant-watch: ${names.country(iso2)}`, list, names, base),
    ),
  ];
}
