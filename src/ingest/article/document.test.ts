import { describe, expect, it } from 'vitest';
import {
  limitNesting,
  lowerAttributeNames,
  MAX_HTML_CHARS,
  parseDocument,
  prepareHtml,
  stripDeadWeight,
} from './document.js';

describe('parseDocument', () => {
  it('wraps a fragment so that body holds it', () => {
    const doc = parseDocument('<p>one<p>two');
    expect(doc.body?.querySelectorAll('p').length).toBe(2);
  });

  it("drops a server's warnings printed before the page, which would otherwise empty its body", () => {
    const html =
      '<br />\n<b>Deprecated</b>: Assigning the return value of new by reference in <b>cache.php</b><br />' +
      '<!DOCTYPE html><html><head><title>T</title></head><body><p>The article.</p></body></html>';
    const doc = parseDocument(html);
    expect(doc.documentElement?.localName).toBe('html');
    expect(doc.body?.textContent).toBe('The article.');
  });

  it('wraps a page that has a <head> but no <html> tag', () => {
    const doc = parseDocument(
      '<!DOCTYPE html><head><title>T</title></head><body><p>Text</p><p>&lt;html&gt;</p></body>',
    );
    expect(doc.documentElement?.localName).toBe('html');
    expect(doc.body?.textContent).toContain('Text');
  });

  it('does not throw on broken markup', () => {
    expect(() => parseDocument('<html><body><div><p>unclosed <b>bold <i>x</div></table>')).not.toThrow();
  });

  it('cuts pages over the size cap', () => {
    expect(prepareHtml('<html>' + 'x'.repeat(MAX_HTML_CHARS + 10)).length).toBe(MAX_HTML_CHARS);
  });

  it('parses 100,000 nested divs quickly by flattening them, keeping the text', () => {
    const n = 100_000;
    const t0 = Date.now();
    const doc = parseDocument(`<html><body>${'<div>'.repeat(n)}deep${'</div>'.repeat(n)}</body></html>`);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(doc.body?.textContent).toBe('deep');
  });
});

describe('limitNesting', () => {
  it('leaves shallow pages untouched', () => {
    const html = '<div><p>a<p>b<br><img src=x></div>';
    expect(limitNesting(html, 3)).toBe(html);
  });

  it('drops tags below the limit with their end tags', () => {
    expect(limitNesting('<div><div><div>x</div></div></div>', 2)).toBe('<div><div>x</div></div>');
  });
});

describe('lowerAttributeNames', () => {
  it('lower-cases names, never values, so that React spellings are read like HTML ones', () => {
    const tag = '<time dateTime="2024-09-03T10:00Z" itemProp=datePublished Class=\'A B\' hidden>';
    expect(lowerAttributeNames(tag, 5)).toBe(
      '<time datetime="2024-09-03T10:00Z" itemprop=datePublished class=\'A B\' hidden>',
    );
    expect(lowerAttributeNames('<a href="/X/Y" title="Z">', 2)).toBeNull();
  });

  it('makes the attributes visible to getAttribute and selectors', () => {
    const doc = parseDocument(
      '<p><time dateTime="2024-09-03">3 Sep</time><SPAN itemProp="author">A</SPAN></p>',
    );
    expect(doc.querySelector('time[datetime]')?.getAttribute('datetime')).toBe('2024-09-03');
    expect(doc.querySelector('[itemprop="author"]')?.textContent).toBe('A');
  });
});

describe('stripDeadWeight', () => {
  it('drops scripts, styles, svg and comments but keeps JSON-LD', () => {
    const html =
      '<p>a</p><script>x<y</script><style>p{}</style><svg><text>t</text></svg><!-- c --><script type="application/ld+json">{}</script><p>b</p>';
    expect(stripDeadWeight(html)).toBe('<p>a</p><script type="application/ld+json">{}</script><p>b</p>');
  });

  it("keeps the first publication date a script's data states, as a meta tag", () => {
    const html =
      '<script>window.__STATE__={"title":"x","publishedAt":"2019-03-02T06:22:28+01:00"}</script>' +
      '<script>var c={"createdAt":"2020-01-01"}</script><p>b</p>';
    expect(stripDeadWeight(html)).toBe(
      '<meta name="script:published" content="2019-03-02T06:22:28+01:00"><p>b</p>',
    );
    expect(stripDeadWeight('<script>var updatedAt = "2020-01-01";</script>')).toBe('');
  });

  it('treats an unclosed script as running to the end, in linear time', () => {
    expect(stripDeadWeight('<p>a</p><script>never closed')).toBe('<p>a</p>');
    const hostile = '<p>x</p><script '.repeat(200_000);
    const t0 = Date.now();
    expect(stripDeadWeight(hostile)).toBe('<p>x</p>');
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});

describe('hostile markup', () => {
  it('parses a page of unclosed tags in linear time', () => {
    const t0 = Date.now();
    expect(() => parseDocument('<a <div '.repeat(300_000))).not.toThrow();
    expect(limitNesting('<div x'.repeat(300_000))).toContain('<div x');
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});
