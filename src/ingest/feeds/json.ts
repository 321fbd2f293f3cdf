/**
 * @module ingest/feeds/json
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) to the raw feed model, validated with
 * zod: a field of the wrong type is dropped with a warning instead of failing the whole feed.
 */
import { z } from 'zod';
import { FeedError } from './errors.js';
import { nonBlank, type RawEntry, type RawFeed } from './raw.js';
import { resolveUrl } from './xml-tree.js';

const str = z.string().nullish().catch(null);
const author = z.object({ name: str, url: str }).partial();
const item = z.object({
  id: z.union([z.string(), z.number()]).nullish().catch(null),
  url: str,
  external_url: str,
  title: str,
  content_html: str,
  content_text: str,
  summary: str,
  date_published: str,
  date_modified: str,
  author: author.nullish().catch(null), // 1.0
  authors: z.array(author).nullish().catch(null), // 1.1
});
const feed = z.object({
  version: z.string(),
  title: str,
  home_page_url: str,
  feed_url: str,
  items: z.array(z.unknown()).catch([]),
});

function readItem(raw: unknown, base: string | null): RawEntry | null {
  const r = item.safeParse(raw);
  if (!r.success) return null;
  const it = r.data;
  const link = nonBlank(it.url) ?? nonBlank(it.external_url);
  const summary = nonBlank(it.summary) ?? nonBlank(it.content_text);
  return {
    id: it.id === null || it.id === undefined ? null : String(it.id),
    title: it.title ? { value: it.title, html: false } : null,
    link: link ? resolveUrl(link, base) : null,
    published: nonBlank(it.date_published),
    updated: nonBlank(it.date_modified),
    author: nonBlank(it.authors?.[0]?.name ?? it.author?.name),
    summary: summary
      ? { value: summary, html: false }
      : it.content_html
        ? { value: it.content_html, html: true }
        : null,
    contentHtml: nonBlank(it.content_html),
  };
}

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};

/** `doc` is the already parsed JSON value; throws FeedError when it is JSON but not a JSON Feed. */
export function parseJsonFeed(doc: unknown, url: string | null): RawFeed {
  const r = feed.safeParse(doc);
  // Some publishers write "version": "1.1" instead of the URL; the items array is the real signature.
  if (!r.success || !(/jsonfeed\.org\/version\//.test(r.data.version) || Array.isArray(obj(doc).items)))
    throw new FeedError(
      'not_a_feed',
      'JSON document is not a JSON Feed (no "version": "https://jsonfeed.org/version/1.x")',
    );
  const f = r.data;
  const base = nonBlank(f.feed_url) ?? url;
  const warnings: string[] = [];
  const entries: RawEntry[] = [];
  f.items.forEach((raw, i) => {
    const e = readItem(raw, base);
    if (e) entries.push(e);
    else warnings.push(`items[${i}] is not an object; skipped`);
  });
  const home = nonBlank(f.home_page_url);
  return {
    kind: 'json',
    title: f.title ? { value: f.title, html: false } : null,
    link: home ? resolveUrl(home, base) : null,
    entries,
    warnings,
  };
}
