/**
 * @module ingest/article/jsonld
 * JSON-LD blocks of a page → a flat list of objects (arrays and @graph unrolled), tolerant of bad JSON.
 */
import type { DomDocument } from './dom.js';

export type JsonObject = { readonly [key: string]: unknown };

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parse one script body; publishers often leave raw newlines or trailing commas, so retry once cleaned. */
function parseLoose(src: string): unknown {
  try {
    return JSON.parse(src);
  } catch {
    try {
      return JSON.parse(src.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
    } catch {
      return undefined;
    }
  }
}

/** Unroll arrays and @graph (one level of nesting is what publishers use; we allow a few). */
function flatten(v: unknown, out: JsonObject[], depth = 0): void {
  if (depth > 4) return;
  if (Array.isArray(v)) for (const x of v) flatten(x, out, depth + 1);
  else if (isObject(v)) {
    out.push(v);
    if (v['@graph']) flatten(v['@graph'], out, depth + 1);
  }
}

/** Keys whose string values a block that does not parse still yields (its type and its dates). */
const SALVAGED = /"(@type|datePublished|dateCreated|dateModified)"\s*:\s*"([^"]{1,80})"/g;

/**
 * What a block that no cleaning makes valid still states: its first @type and its first date of each
 * kind, read by pattern. Titles and authors are not salvaged, since a broken block's nesting is unknown.
 */
function salvage(src: string): JsonObject | undefined {
  const o: Record<string, string> = {};
  for (const m of src.matchAll(SALVAGED)) o[m[1]!] ??= m[2]!;
  return o['datePublished'] || o['dateCreated'] ? o : undefined;
}

/** All JSON-LD objects of the document, in document order. */
export function readJsonLd(doc: DomDocument): JsonObject[] {
  const out: JsonObject[] = [];
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const src = s.textContent ?? '';
    flatten(parseLoose(src) ?? salvage(src), out);
  }
  return out;
}

const ARTICLE_TYPE = /Article|BlogPosting|Report|NewsArticle|WebPage|Posting/i;

/** The @type as a list of strings. */
export function typesOf(o: JsonObject): string[] {
  const t = o['@type'];
  return Array.isArray(t)
    ? t.filter((x): x is string => typeof x === 'string')
    : typeof t === 'string'
      ? [t]
      : [];
}

/** Article-like objects first (they describe the page), then the others. */
export function articleFirst(objects: readonly JsonObject[]): JsonObject[] {
  const isArticle = (o: JsonObject) => typesOf(o).some((t) => ARTICLE_TYPE.test(t) && !/WebSite/i.test(t));
  return [...objects.filter(isArticle), ...objects.filter((o) => !isArticle(o))];
}

/** A string field, or the `name` of an object field, or the first of an array of either. */
export function stringField(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return v.length ? stringField(v[0]) : null;
  if (isObject(v)) return stringField(v['name'] ?? v['@value']);
  return null;
}
