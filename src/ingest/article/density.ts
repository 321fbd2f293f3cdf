/**
 * @module ingest/article/density
 * Fallback body finder: the container holding the most non-link paragraph text, when Readability fails.
 */
import type { DomDocument, DomElement } from './dom.js';
import { linkTextLength, normalizeSpace, paragraphsOf } from './text.js';

/** Boilerplate regions: their text is never the article. */
const NOISE =
  'script, style, noscript, template, nav, header, footer, aside, form, [role="navigation"], [aria-hidden="true"]';
/** A paragraph shorter than this is a label or a link, not prose. */
const MIN_PARAGRAPH = 40;

/**
 * Score each paragraph-like element by its non-link text and credit its parent fully and its
 * grandparent by half (as Readability does), then return the best container's paragraphs.
 */
export function densestText(doc: DomDocument): string[] {
  const body = doc.body;
  if (!body) return [];
  for (const el of Array.from(body.querySelectorAll(NOISE))) el.remove();
  const scores = new Map<DomElement, number>();
  const credit = (el: DomElement | null, s: number) => {
    if (el) scores.set(el, (scores.get(el) ?? 0) + s);
  };
  for (const p of Array.from(body.querySelectorAll('p, pre, blockquote, li, td'))) {
    const len = normalizeSpace(p.textContent ?? '').length;
    if (len < MIN_PARAGRAPH) continue;
    const s = len - linkTextLength(p);
    if (s <= 0) continue;
    credit(p.parentElement, s);
    credit(p.parentElement?.parentElement ?? null, s / 2);
  }
  let best: DomElement | null = null;
  let bestScore = 0;
  for (const [el, s] of scores) {
    if (s > bestScore) [best, bestScore] = [el, s];
  }
  // No paragraph markup at all (text in bare divs): the whole cleaned body is the best we can do.
  return paragraphsOf(best ?? body).filter((p) => p.length >= MIN_PARAGRAPH || /[.!?:]$/.test(p));
}
