import { describe, expect, it } from 'vitest';
import { parseDocument } from './document.js';
import { readJsonLd } from './jsonld.js';
import { readMeta } from './meta.js';
import { publishedDate } from './published-date.js';

function dateOf(html: string, url?: string, reference?: string): string | null {
  const doc = parseDocument(html);
  return publishedDate({ doc, meta: readMeta(doc), jsonLd: readJsonLd(doc), url, reference });
}
const ld = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;
const page = (head: string, body = '') => `<html><head>${head}</head><body>${body}</body></html>`;

describe('publishedDate', () => {
  it('reads JSON-LD datePublished, also inside @graph and arrays, and prefers it to dateModified', () => {
    const article = {
      '@type': 'NewsArticle',
      datePublished: '2024-09-02T18:00:00+08:00',
      dateModified: '2024-09-04',
    };
    expect(dateOf(page(ld(article)))).toBe('2024-09-02T18:00:00+08:00');
    expect(dateOf(page(ld({ '@graph': [{ '@type': 'WebSite' }, article] })))).toBe(
      '2024-09-02T18:00:00+08:00',
    );
    expect(dateOf(page(ld([{ '@type': 'Organization' }, article])))).toBe('2024-09-02T18:00:00+08:00');
  });

  it('survives broken JSON-LD and falls back to Open Graph', () => {
    const head =
      '<script type="application/ld+json">{ "datePublished": </script>' +
      '<meta property="article:modified_time" content="2024-09-05"><meta property="article:published_time" content="2024-09-03">';
    expect(dateOf(page(head))).toBe('2024-09-03');
  });

  it.each([
    ['<meta name="pubdate" content="20240903">', '2024-09-03'],
    ['<meta name="parsely-pub-date" content="2024-09-03T08:00:00Z">', '2024-09-03T08:00:00Z'],
    ['<meta name="sailthru.date" content="2024-09-03 08:00:00">', '2024-09-03'],
    ['<meta name="DC.date.issued" content="2024-09-03">', '2024-09-03'],
    ['<meta itemprop="datePublished" content="2024-09-03">', '2024-09-03'],
  ])('reads other meta tags: %s', (head, want) => expect(dateOf(page(head))).toBe(want));

  it('reads <time> elements but skips one marked as an update', () => {
    const body =
      '<p class="last-updated"><time datetime="2024-09-05">5 Sep</time></p><time datetime="2024-09-03">3 Sep</time>';
    expect(dateOf(page('', body))).toBe('2024-09-03');
  });

  it('reads the URL when the markup has nothing', () => {
    expect(dateOf(page(''), 'https://news.example/2024/09/03/putin-mongolia/')).toBe('2024-09-03');
    expect(dateOf(page(''), 'https://news.example/story_20240903.html')).toBe('2024-09-03');
  });

  it('reads a labelled date in the text near the headline', () => {
    const body =
      '<header>Today: 1 January 2026</header><div><div><h1>Visit</h1><p>Veröffentlicht am 3. September 2024</p></div></div>';
    expect(dateOf(page('', body))).toBe('2024-09-03');
  });

  it('rejects dates after the reference day and keeps looking', () => {
    const head =
      '<meta property="article:published_time" content="2031-01-01"><meta name="date" content="2024-09-03">';
    expect(dateOf(page(head), undefined, '2025-01-01')).toBe('2024-09-03');
  });

  it('returns null when there is no date at all', () => {
    expect(dateOf(page('<title>x</title>', '<p>No dates here.</p>'))).toBeNull();
  });
});
