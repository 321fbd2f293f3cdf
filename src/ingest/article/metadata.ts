/**
 * @module ingest/article/metadata
 * Title, byline and canonical URL of a page, each from a documented order of sources.
 */
import type { DomDocument } from './dom.js';
import { articleFirst, stringField, type JsonObject } from './jsonld.js';
import { firstMeta, type MetaMap } from './meta.js';
import { normalizeSpace } from './text.js';

/** " | Site", " - Site", " — Site", " :: Site": the separators publishers put before their name. */
const SITE_SUFFIX = /\s+(?:[|–—·•»:]{1,2}|-{1,2})\s+[^|–—·•»]{1,60}$/;

/**
 * The headline without the site name: a suffix goes when the site name is known (og:site_name) or
 * when what remains is still a real headline, since headlines rarely contain " | ".
 */
export function stripSiteName(title: string, siteName: string | null): string {
  let t = normalizeSpace(title);
  if (siteName) {
    const site = siteName.toLowerCase();
    const m = SITE_SUFFIX.exec(t);
    if (m && m[0].toLowerCase().includes(site)) return t.slice(0, m.index).trim();
    const prefix = new RegExp(`^\\s*${siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[|–—:-]\\s+`, 'i');
    t = t.replace(prefix, '');
  }
  const m = SITE_SUFFIX.exec(t);
  if (m && /\s+[|–—·•»:]/.test(m[0]) && t.slice(0, m.index).split(' ').length >= 3)
    return t.slice(0, m.index).trim();
  return t;
}

/** Title: og:title → twitter:title → JSON-LD headline → <title> → first <h1>; site name removed. */
export function findTitle(doc: DomDocument, meta: MetaMap, jsonLd: readonly JsonObject[]): string | null {
  const site = firstMeta(meta, ['og:site_name', 'application-name']);
  const ld = articleFirst(jsonLd).map((o) => stringField(o['headline']))[0] ?? null;
  const h1 = doc.querySelector('h1')?.textContent ?? null;
  for (const t of [
    firstMeta(meta, ['og:title', 'twitter:title']),
    ld,
    doc.querySelector('title')?.textContent ?? null,
    h1,
  ]) {
    const s = t ? stripSiteName(t, site) : '';
    if (s) return s;
  }
  return null;
}

/** "By Jane Doe and John Roe" → "Jane Doe and John Roe"; URLs and handles are not names. */
function cleanByline(s: string): string | null {
  const t = normalizeSpace(s).replace(/^(?:by|von|par|por|di|door)\s+/i, '');
  if (!t || t.length > 120 || /^https?:|^@|\.(?:com|org|net)\b/i.test(t)) return null;
  return t;
}

function jsonLdAuthors(jsonLd: readonly JsonObject[]): string | null {
  for (const o of articleFirst(jsonLd)) {
    const a = o['author'] ?? o['creator'];
    const names = (Array.isArray(a) ? a : a ? [a] : []).map(stringField).filter((n): n is string => !!n);
    if (names.length) return names.join(', ');
  }
  return null;
}

/** Byline: JSON-LD author → meta author / article:author / parsely-author → rel=author / itemprop author. */
export function findByline(doc: DomDocument, meta: MetaMap, jsonLd: readonly JsonObject[]): string | null {
  const candidates = [
    jsonLdAuthors(jsonLd),
    firstMeta(meta, ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'byl']),
    doc.querySelector('[rel="author"]')?.textContent ?? null,
    doc.querySelector('[itemprop="author"]')?.textContent ?? null,
  ];
  for (const c of candidates) {
    const b = c ? cleanByline(c) : null;
    if (b) return b;
  }
  return null;
}

/** An absolute http(s) URL, or null when `href` cannot be resolved against `base`. */
export function absoluteUrl(href: string, base?: string): string | null {
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** URL: link rel=canonical → og:url → pageUrl, resolved against pageUrl. */
export function findUrl(doc: DomDocument, meta: MetaMap, pageUrl?: string): string | null {
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  for (const c of [canonical, firstMeta(meta, ['og:url']), pageUrl]) {
    const u = c ? absoluteUrl(c, pageUrl) : null;
    if (u) return u;
  }
  return null;
}
