/**
 * @module ingest/feeds/adapter
 * The raw model of any format to FeedEntry: dates to ISO 8601 UTC, titles and summaries to plain
 * text. After this point no stage sees RSS, Atom or JSON Feed quirks.
 */
import { parseFeedDate } from './dates.js';
import type { RawEntry, RawFeed, RawText } from './raw.js';
import { htmlToText, normaliseSpace, titleText } from './text.js';

export interface FeedEntry {
  id: string | null;
  title: string | null;
  link: string | null;
  /** ISO 8601 UTC, e.g. 2024-09-03T10:00:00Z. */
  published: string | null;
  updated: string | null;
  author: string | null;
  /** Plain text. */
  summary: string | null;
  contentHtml: string | null;
}

export interface ParsedFeed {
  kind: 'rss' | 'rdf' | 'atom' | 'json';
  title: string | null;
  link: string | null;
  entries: FeedEntry[];
  warnings: string[];
}

const orNull = (s: string) => (s ? s : null);

function title(t: RawText | null): string | null {
  return t ? orNull(titleText(t.value, t.html)) : null;
}

function summary(t: RawText | null): string | null {
  return t ? orNull(t.html ? htmlToText(t.value) : normaliseSpace(t.value)) : null;
}

function date(raw: string | null, where: string, warnings: string[]): string | null {
  if (raw === null) return null;
  const iso = parseFeedDate(raw);
  if (iso === null) warnings.push(`${where}: unreadable date "${raw.slice(0, 80)}"`);
  return iso;
}

function entry(e: RawEntry, i: number, warnings: string[]): FeedEntry {
  return {
    id: e.id,
    title: title(e.title),
    link: e.link,
    published: date(e.published, `entry ${i} published`, warnings),
    updated: date(e.updated, `entry ${i} updated`, warnings),
    author: e.author === null ? null : orNull(titleText(e.author, false)),
    summary: summary(e.summary),
    contentHtml: e.contentHtml,
  };
}

export function adapt(raw: RawFeed, warnings: string[]): ParsedFeed {
  const all = [...warnings, ...raw.warnings];
  const entries = raw.entries.map((e, i) => entry(e, i, all));
  return { kind: raw.kind, title: title(raw.title), link: raw.link, entries, warnings: all };
}
