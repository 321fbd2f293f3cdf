/**
 * @module ingest/article/meta
 * Read <meta> tags once into a lookup by lower-cased name/property/itemprop/http-equiv.
 */
import type { DomDocument } from './dom.js';

export type MetaMap = ReadonlyMap<string, readonly string[]>;

/**
 * Every <meta> with a non-empty content, keyed by each of its name, property, itemprop and
 * http-equiv (lower-cased). Values keep document order, because the first is usually the page's own.
 */
export function readMeta(doc: DomDocument): MetaMap {
  const map = new Map<string, string[]>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const content = (el.getAttribute('content') ?? '').trim();
    if (!content) continue;
    for (const attr of ['name', 'property', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (!key) continue;
      const list = map.get(key);
      if (list) list.push(content);
      else map.set(key, [content]);
    }
  }
  return map;
}

/** The first value among `keys`, in the order given (the caller's order of trust). */
export function firstMeta(meta: MetaMap, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = meta.get(k)?.[0];
    if (v) return v;
  }
  return null;
}
