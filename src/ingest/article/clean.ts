/**
 * @module ingest/article/clean
 * Remove what is never article text before Readability scores the page: hidden elements, captions,
 * sharing bars, teaser rails, bylines and date lines, named so by their class or id.
 */
import type { DomDocument, DomElement } from './dom.js';
import { linkTextLength, normalizeSpace } from './text.js';

/** Class or id words that name boilerplate on news sites. Matched as whole `-`/`_`-separated words. */
const BOILERPLATE =
  /(?:^|[-_\s])(?:share|sharing|social|related|recommend(?:ed|ations?)?|newsletters?|promo|breadcrumbs?|byline|dateline|timestamp|caption|credits?|teasers?|rail|sidebar|subscribe|signup|advert|ads?|most-?popular|trending|read-?more|more-?stories|comments?|outbrain|taboola|disclaimer|copyright|toolbar|print)(?:[-_\s]|$)/i;

/** Elements hidden from the reader; their text is for screen readers, scripts or nothing. */
const HIDDEN =
  '[hidden], [aria-hidden="true"], [style*="display:none"], [style*="display: none"], figcaption';

/**
 * A wrapper whose class happens to match (`pg-rail-tall`, `article-body has-comments`) may hold the
 * article itself: keep any element with this much text outside links.
 */
const KEEP_IF_PROSE = 500;

function proseLength(el: DomElement): number {
  return normalizeSpace(el.textContent ?? '').length - linkTextLength(el);
}

/** True when the element's class or id marks it as boilerplate. */
export function looksLikeBoilerplate(el: DomElement): boolean {
  const label = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return label.length > 1 && BOILERPLATE.test(label);
}

/** Mutates `doc`: drops hidden and boilerplate elements inside <body> (never <body> or <html>). */
export function removeBoilerplate(doc: DomDocument): void {
  const body = doc.body;
  if (!body) return;
  for (const el of Array.from(body.querySelectorAll(`${HIDDEN}, script, style, noscript, template`)))
    el.remove();
  for (const el of Array.from(body.querySelectorAll('[class], [id]'))) {
    if (!el.isConnected || el.localName === 'body' || el.localName === 'html') continue;
    if (looksLikeBoilerplate(el) && proseLength(el) < KEEP_IF_PROSE) el.remove();
  }
}
