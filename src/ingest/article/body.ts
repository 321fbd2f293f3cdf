/**
 * @module ingest/article/body
 * The main text of a page: Readability first, then JSON-LD articleBody or text density when it fails.
 */
import type { DomDocument, DomNode } from './dom.js';
import { Readability } from '@mozilla/readability';
import { removeBoilerplate } from './clean.js';
import { densestText } from './density.js';
import type { JsonObject } from './jsonld.js';
import { paragraphsOf } from './text.js';
import { trimParagraphs } from './trim.js';

/** Readability gives up on documents with more elements than this (it throws; we fall back). */
const MAX_ELEMENTS = 60_000;
/** Below this many characters, Readability's answer is treated as a miss (a teaser, a caption). */
const MIN_TEXT = 250;

/** Readability's own result as paragraphs, or [] when it throws or finds nothing. */
function readabilityParagraphs(doc: DomDocument): string[] {
  try {
    const article = new Readability<DomNode>(doc, {
      maxElemsToParse: MAX_ELEMENTS,
      serializer: (el) => el, // keep the element: we render text ourselves, paragraph-aware
    }).parse();
    return article?.content ? trimParagraphs(paragraphsOf(article.content)) : [];
  } catch {
    return [];
  }
}

/** The longest articleBody among JSON-LD objects, split into paragraphs on its line breaks. */
function jsonLdBody(objects: readonly JsonObject[]): string[] {
  let best = '';
  for (const o of objects) {
    const b = o['articleBody'];
    if (typeof b === 'string' && b.length > best.length) best = b;
  }
  return best
    .split(/\n\s*\n|\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

const lengthOf = (ps: readonly string[]) => ps.reduce((n, p) => n + p.length, 0);

/**
 * Readability mutates `doc`: read everything else first. The density pass runs on `fallbackDoc`
 * (an untouched parse) only when both Readability and JSON-LD come up short.
 */
export function extractBody(
  doc: DomDocument,
  jsonLd: readonly JsonObject[],
  fallbackDoc: () => DomDocument,
): string[] {
  removeBoilerplate(doc);
  const fromReadability = readabilityParagraphs(doc);
  const fromJsonLd = jsonLdBody(jsonLd);
  let best = lengthOf(fromJsonLd) > lengthOf(fromReadability) * 1.5 ? fromJsonLd : fromReadability;
  if (lengthOf(best) < MIN_TEXT) {
    const dense = densestText(fallbackDoc());
    if (lengthOf(dense) > lengthOf(best)) best = dense;
  }
  return best;
}
