import { describe, expect, it } from 'vitest';
import { parseDocument } from './document.js';
import { readPageDates } from './page-dates.js';

const read = (body: string, title = '') =>
  readPageDates(parseDocument(`<html><body>${body}</body></html>`), title);

describe('readPageDates', () => {
  it('keeps block boundaries in the text, so that a date never runs into the headline', () => {
    const p = read('<div class="meta-date">19.11.2021</div><h1>Lockdown rules</h1>');
    expect(p.text).toContain('19.11.2021\n');
    expect(p.text.slice(p.headline!)).toMatch(/^Lockdown rules/);
  });

  it('takes as headline the <h1> that the page title names, not the logo', () => {
    const p = read(
      '<h1>Daily Planet</h1><nav>Home</nav><h1>Mayor visits harbour</h1>',
      'Mayor visits harbour | Daily Planet',
    );
    expect(p.text.slice(p.headline!)).toMatch(/^Mayor visits harbour/);
  });

  it('reads <time datetime>, itemprop, pubdate and data-* timestamps, with the role their names give', () => {
    const p = read(
      '<time datetime="2024-09-03" pubdate>3 Sep</time><span itemprop="dateModified" content="2024-09-05"></span>' +
        '<div class="share" data-timestamp="1725321600"></div><p class="date-updated"><time datetime="2024-09-04"></time></p>',
    );
    expect(p.markup.map((d) => [d.value, d.role])).toEqual([
      ['2024-09-03', 'published'],
      ['2024-09-05', 'updated'],
      ['1725321600', 'plain'],
      ['2024-09-04', 'updated'],
    ]);
  });

  it("marks dates in navigation, sidebars and lists of other stories, but not an article's own <aside>", () => {
    const p = read(
      '<nav><time datetime="2024-01-01"></time></nav><article><h1>A headline here</h1>' +
        '<aside class="meta"><time datetime="2024-09-03"></time></aside></article>' +
        '<aside><time datetime="2024-02-02"></time></aside><div class="related-posts"><time datetime="2024-03-03"></time></div>',
    );
    expect(p.markup.map((d) => [d.value, d.aside])).toEqual([
      ['2024-01-01', true],
      ['2024-09-03', false],
      ['2024-02-02', true],
      ['2024-03-03', true],
    ]);
  });

  it('does not count as an aside a wrapper that holds the headline', () => {
    const p = read(
      '<div class="page-with-sidebar"><h1>A headline here</h1><time datetime="2024-09-03"></time></div>',
    );
    expect(p.markup[0]?.aside).toBe(false);
  });

  it('walks the whole document when the parser left the body empty (an unclosed <head> kept the page)', () => {
    const doc = parseDocument(
      '<html><head><title>T</title><div class="meta">Published 3 September 2024</div><p>Long text.</p></head><body></body></html>',
    );
    expect(doc.body?.textContent).toBe('');
    expect(readPageDates(doc).text).toContain('3 September 2024');
  });

  it("reads hAtom's lone `updated` class as the post's date, `date-updated` as a revision", () => {
    const p = read('<a class="post-date updated">2 Feb 2022</a><span class="date-updated">3 Feb 2022</span>');
    expect(p.spans.map((s) => s.role)).toEqual(['plain', 'updated']);
  });
});
