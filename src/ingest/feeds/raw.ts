/**
 * @module ingest/feeds/raw
 * What each format parser hands to the adapter: strings as the feed wrote them, links already
 * resolved (xml:base is scoped to elements, so only the parser can resolve them), nothing normalised.
 */
import { positionOf } from './errors.js';

/** A text construct: the value and whether the feed says (or implies) that it is HTML. */
export interface RawText {
  value: string;
  html: boolean;
}

export interface RawEntry {
  id: string | null;
  title: RawText | null;
  link: string | null;
  published: string | null;
  updated: string | null;
  author: string | null;
  summary: RawText | null;
  contentHtml: string | null;
}

export interface RawFeed {
  kind: 'rss' | 'rdf' | 'atom' | 'json';
  title: RawText | null;
  link: string | null;
  entries: RawEntry[];
  warnings: string[];
}

/** The warning for an entry cut off by the end of the document, with where it starts and where it ends. */
export function truncatedWarning(kind: 'item' | 'entry', start: number, source: string): string {
  const from = positionOf(source, start);
  const end = positionOf(source, source.length);
  return (
    `${kind} at line ${from.line}, column ${from.column} is incomplete (document truncated at line ` +
    `${end.line}, column ${end.column}) and was dropped`
  );
}

/** Trimmed text, or null for absent or blank values, so "" never reaches later stages. */
export function nonBlank(s: string | null | undefined): string | null {
  const t = s?.trim();
  return t ? t : null;
}
