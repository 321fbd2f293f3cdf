import { describe, expect, it } from 'vitest';
import { extractArticle } from './index.js';

const paragraph = (i: number) =>
  `<p>Paragraph ${i}: the president arrived in Ulaanbaatar on Monday for a state visit, although Mongolia is a party to the Rome Statute and was reminded of its duty to arrest him.</p>`;

const PAGE = `<!DOCTYPE html><html lang="en"><head>
<title>President visits Mongolia | Example News</title>
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-09-02T09:00:00+08:00">
<link rel="canonical" href="https://news.example/world/visit">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="share-bar">Share on Facebook</div>
<article><h1>President visits Mongolia</h1>${[1, 2, 3, 4, 5].map(paragraph).join('')}</article>
<footer>© Example News</footer>
</body></html>`;

describe('extractArticle', () => {
  it('returns text and metadata of a news page', () => {
    const a = extractArticle(PAGE, 'https://news.example/world/visit?utm_source=feed');
    expect(a).toMatchObject({
      title: 'President visits Mongolia',
      byline: 'Jane Doe',
      published: '2024-09-02T09:00:00+08:00',
      lang: 'en',
      url: 'https://news.example/world/visit',
    });
    const paragraphs = a.text.split('\n\n');
    expect(paragraphs.filter((p) => p.startsWith('Paragraph'))).toHaveLength(5);
    for (const noise of ['Home', 'Share on Facebook', '© Example']) expect(a.text).not.toContain(noise);
  });

  it('falls back to JSON-LD articleBody when the page body is empty (rendered by script)', () => {
    const body = 'First paragraph of the story, long enough to matter here.\n\n'.repeat(8);
    const html = `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: body })}</script></head><body><div id="app"></div></body></html>`;
    expect(extractArticle(html).text.split('\n\n')).toHaveLength(8);
  });

  it('falls back to text density when Readability finds no article', () => {
    const html = `<html><body><table><tr><td>${'Long prose in a table cell, the way old sites are built. '.repeat(6)}</td></tr></table></body></html>`;
    expect(extractArticle(html).text).toContain('Long prose in a table cell');
  });

  it('never throws on hostile or broken input', () => {
    const inputs = [
      '',
      '<',
      '<html><body><p>unclosed <div><span>',
      '\u0000\uffff<script>while(1){}</script>',
      '<div>'.repeat(50_000),
    ];
    for (const html of inputs) expect(() => extractArticle(html, 'not a url')).not.toThrow();
    expect(extractArticle('', 'not a url')).toMatchObject({ text: '', url: null, published: null });
  });
});
