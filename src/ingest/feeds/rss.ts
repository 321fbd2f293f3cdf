/**
 * @module ingest/feeds/rss
 * RSS 0.9x, 2.0 and RSS 1.0 (RDF) documents to the raw feed model. Lenient by design: any
 * namespace for core elements, metadata after the items, and only complete items are kept.
 */
import { nonBlank, truncatedWarning, type RawEntry, type RawFeed, type RawText } from './raw.js';
import {
  baseFor,
  childNamed,
  childrenNamed,
  NS,
  resolveUrl,
  textContent,
  type XmlElement,
} from './xml-tree.js';

/** Core RSS elements appear with no namespace, the RSS 1.0 or 0.90 namespace, or a stray default. */
const isCore = (el: XmlElement) =>
  el.ns === '' || el.ns === NS.rss10 || el.ns === NS.rss090 || !el.ns.includes(':');

function coreText(el: XmlElement, local: string): string | null {
  for (const c of childrenNamed(el, local)) if (isCore(c)) return nonBlank(textContent(c));
  return null;
}

const nsText = (el: XmlElement, local: string, ns: string) => {
  const c = childNamed(el, local, [ns]);
  return c ? nonBlank(textContent(c)) : null;
};

/** The atom:link that names the feed itself or the page: Atom elements inside RSS are common. */
function atomLink(el: XmlElement, rel: string): string | null {
  const link = childrenNamed(el, 'link', [NS.atom10, NS.atom03]).find(
    (l) => (l.attrs.rel ?? 'alternate') === rel,
  );
  return link?.attrs.href ?? null;
}

function itemLink(item: XmlElement, base: string | null): string | null {
  const link = coreText(item, 'link') ?? atomLink(item, 'alternate');
  if (link) return resolveUrl(link, base);
  // A guid that is a permalink (the default in RSS 2.0) is the item's address when <link> is missing.
  const guid = childrenNamed(item, 'guid').find(isCore);
  if (guid && guid.attrs.isPermaLink?.toLowerCase() !== 'false') {
    const g = nonBlank(textContent(guid));
    if (g && /^https?:\/\//i.test(g)) return g;
  }
  return null;
}

function html(value: string | null): RawText | null {
  return value === null ? null : { value, html: true };
}

function readItem(item: XmlElement, parentBase: string | null): RawEntry {
  const base = baseFor(item, parentBase);
  const description = coreText(item, 'description');
  const encoded = nsText(item, 'encoded', NS.content);
  return {
    id: coreText(item, 'guid') ?? nsText(item, 'identifier', NS.dc) ?? item.attrs['rdf:about'] ?? null,
    title: html(coreText(item, 'title') ?? nsText(item, 'title', NS.dc)),
    link: itemLink(item, base),
    published:
      coreText(item, 'pubDate') ??
      nsText(item, 'date', NS.dc) ??
      nsText(item, 'issued', NS.dcterms) ??
      nsText(item, 'created', NS.dcterms) ??
      nsText(item, 'published', NS.atom10),
    updated: nsText(item, 'modified', NS.dcterms) ?? nsText(item, 'updated', NS.atom10),
    author: coreText(item, 'author') ?? nsText(item, 'creator', NS.dc),
    summary: html(description ?? encoded),
    contentHtml: encoded ?? description,
  };
}

/**
 * `root` is an <rss> or <rdf:RDF> element; `source` the decoded text it was read from (for the
 * position of damage); `url` is where the feed was fetched from.
 */
export function parseRss(root: XmlElement, source: string, url: string | null): RawFeed {
  const rdf = root.local === 'RDF';
  const channel = childrenNamed(root, 'channel').find(isCore) ?? root;
  const warnings: string[] = [];
  const rootBase = baseFor(channel, baseFor(root, url ?? atomLink(channel, 'self')));
  const link = coreText(channel, 'link') ?? atomLink(channel, 'alternate');
  const feedLink = link ? resolveUrl(link, rootBase) : null;
  // Relative item links with no xml:base and no feed URL are read against the site's own address.
  const itemBase = rootBase ?? feedLink;
  const holders = rdf ? [root, channel] : [channel, root];
  const items = [...new Set(holders)].flatMap((h) => childrenNamed(h, 'item').filter(isCore));
  const entries: RawEntry[] = [];
  for (const item of items) {
    if (item.truncated) warnings.push(truncatedWarning('item', item.start, source));
    else entries.push(readItem(item, itemBase));
  }
  return {
    kind: rdf ? 'rdf' : 'rss',
    title: html(coreText(channel, 'title') ?? nsText(channel, 'title', NS.dc)),
    link: feedLink,
    entries,
    warnings,
  };
}
