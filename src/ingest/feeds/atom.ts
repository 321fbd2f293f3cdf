/**
 * @module ingest/feeds/atom
 * Atom 1.0 (and the Atom 0.3 that old feeds still serve) to the raw feed model: text constructs
 * with their type, links chosen by rel and type, xml:base applied element by element.
 */
import { nonBlank, truncatedWarning, type RawEntry, type RawFeed, type RawText } from './raw.js';
import { baseFor, childrenNamed, NS, resolveUrl, textContent, type XmlElement } from './xml-tree.js';

/** Atom elements in either namespace, or in none (feeds that forget xmlns). */
const ATOM_NS = [NS.atom10, NS.atom03, ''];

const child = (el: XmlElement, local: string) => childrenNamed(el, local, ATOM_NS)[0];

/**
 * A text construct. type="xhtml" (or 0.3 mode="xml") content is markup inside the element, kept
 * as written from the source; "html" and "text/html" are escaped HTML; anything else is text.
 */
function textConstruct(el: XmlElement | undefined, source: string): RawText | null {
  if (!el) return null;
  const type = (el.attrs.type ?? '').toLowerCase();
  const mode = (el.attrs.mode ?? '').toLowerCase();
  if (type === 'xhtml' || type === 'application/xhtml+xml' || mode === 'xml') {
    const inner = source.slice(el.innerStart, el.innerEnd).trim();
    return inner ? { value: inner, html: true } : null;
  }
  const text = nonBlank(textContent(el));
  if (text === null) return null;
  if (mode === 'base64')
    return { value: Buffer.from(text, 'base64').toString('utf8'), html: type.includes('html') };
  return { value: text, html: type === 'html' || type === 'text/html' || mode === 'escaped' };
}

/** Quality of a link as "the page this entry is about": an HTML alternate beats any other type. */
function linkRank(l: XmlElement): number {
  const rel = l.attrs.rel ?? 'alternate';
  if (rel !== 'alternate' || !l.attrs.href) return 0;
  const type = l.attrs.type?.toLowerCase();
  return !type || type.includes('html') ? 3 : 2;
}

function bestLink(el: XmlElement, base: string | null): string | null {
  let best: XmlElement | undefined;
  for (const l of childrenNamed(el, 'link', ATOM_NS)) if (linkRank(l) > (best ? linkRank(best) : 0)) best = l;
  return best ? resolveUrl(best.attrs.href!, baseFor(best, base)) : null;
}

const dateOf = (el: XmlElement, ...names: string[]) => {
  for (const n of names) {
    const c = child(el, n);
    if (c) return nonBlank(textContent(c));
  }
  return null;
};

function readEntry(entry: XmlElement, parentBase: string | null, source: string): RawEntry {
  const base = baseFor(entry, parentBase);
  const author = child(entry, 'author');
  const content = child(entry, 'content');
  const contentText = textConstruct(content, source);
  const summary = textConstruct(child(entry, 'summary'), source);
  return {
    id: nonBlank(child(entry, 'id') && textContent(child(entry, 'id')!)),
    title: textConstruct(child(entry, 'title'), source),
    link: bestLink(entry, base),
    published: dateOf(entry, 'published', 'issued', 'created'),
    updated: dateOf(entry, 'updated', 'modified'),
    author: author ? nonBlank(textContent(child(author, 'name') ?? author)) : null,
    summary: summary ?? contentText,
    contentHtml: contentText ? (contentText.html ? contentText.value : escapeHtml(contentText.value)) : null,
  };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `root` is a <feed> element; `source` the decoded text it was read from. */
export function parseAtom(root: XmlElement, source: string, url: string | null): RawFeed {
  const self = childrenNamed(root, 'link', ATOM_NS).find((l) => l.attrs.rel === 'self')?.attrs.href ?? null;
  const base = baseFor(root, url ?? self);
  const warnings: string[] = [];
  const entries: RawEntry[] = [];
  for (const e of childrenNamed(root, 'entry', ATOM_NS)) {
    if (e.truncated) warnings.push(truncatedWarning('entry', e.start, source));
    else entries.push(readEntry(e, base, source));
  }
  return {
    kind: 'atom',
    title: textConstruct(child(root, 'title'), source),
    link: bestLink(root, base),
    entries,
    warnings,
  };
}
