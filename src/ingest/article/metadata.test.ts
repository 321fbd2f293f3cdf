import { describe, expect, it } from 'vitest';
import { parseDocument } from './document.js';
import { readJsonLd } from './jsonld.js';
import { readMeta } from './meta.js';
import { findByline, findTitle, findUrl, stripSiteName } from './metadata.js';

function parts(html: string) {
  const doc = parseDocument(html);
  return { doc, meta: readMeta(doc), jsonLd: readJsonLd(doc) };
}

describe('stripSiteName', () => {
  it('removes a known site name after a separator', () => {
    expect(stripSiteName('Putin lands in Mongolia - The Daily Times', 'The Daily Times')).toBe(
      'Putin lands in Mongolia',
    );
  });
  it('removes an unknown suffix after a pipe when a real headline remains', () => {
    expect(stripSiteName('Putin lands in Mongolia | Daily', null)).toBe('Putin lands in Mongolia');
  });
  it('keeps hyphenated headlines whole when the site is unknown', () => {
    expect(stripSiteName('Court rules on visit - and on immunity', null)).toBe(
      'Court rules on visit - and on immunity',
    );
  });
});

describe('findTitle', () => {
  it('prefers og:title, then <title>, then h1', () => {
    const { doc, meta, jsonLd } = parts(
      '<html><head><meta property="og:title" content="OG headline"><title>Tab | Site</title></head><body><h1>H1</h1></body></html>',
    );
    expect(findTitle(doc, meta, jsonLd)).toBe('OG headline');
    const p2 = parts(
      '<html><head><title>Warrant reminder issued | ICC News</title></head><body><h1>H1</h1></body></html>',
    );
    expect(findTitle(p2.doc, p2.meta, p2.jsonLd)).toBe('Warrant reminder issued');
    const p3 = parts('<html><head></head><body><h1> Only  h1 </h1></body></html>');
    expect(findTitle(p3.doc, p3.meta, p3.jsonLd)).toBe('Only h1');
  });
});

describe('findByline', () => {
  it('reads JSON-LD authors (objects and arrays), then meta author, then rel=author', () => {
    const ld =
      '<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ana Lima"},{"name":"Bo Chen"}]}</script>';
    const a = parts(`<html><head>${ld}<meta name="author" content="Meta Name"></head><body></body></html>`);
    expect(findByline(a.doc, a.meta, a.jsonLd)).toBe('Ana Lima, Bo Chen');
    const b = parts('<html><head><meta name="author" content="By Jane Doe"></head><body></body></html>');
    expect(findByline(b.doc, b.meta, b.jsonLd)).toBe('Jane Doe');
    const c = parts('<html><head></head><body><a rel="author" href="/a">Karl Marx</a></body></html>');
    expect(findByline(c.doc, c.meta, c.jsonLd)).toBe('Karl Marx');
  });
  it('ignores URLs given as authors', () => {
    const a = parts(
      '<html><head><meta property="article:author" content="https://facebook.com/x"></head></html>',
    );
    expect(findByline(a.doc, a.meta, a.jsonLd)).toBeNull();
  });
});

describe('findUrl', () => {
  it('resolves the canonical link against the page URL, else og:url, else the page URL', () => {
    const a = parts(
      '<html><head><link rel="canonical" href="/news/1"><meta property="og:url" content="https://x.test/og"></head></html>',
    );
    expect(findUrl(a.doc, a.meta, 'https://x.test/news/1?utm=feed')).toBe('https://x.test/news/1');
    const b = parts('<html><head><meta property="og:url" content="https://x.test/og"></head></html>');
    expect(findUrl(b.doc, b.meta)).toBe('https://x.test/og');
    const c = parts('<html><head><link rel="canonical" href="javascript:alert(1)"></head></html>');
    expect(findUrl(c.doc, c.meta, 'https://x.test/p')).toBe('https://x.test/p');
  });
});
