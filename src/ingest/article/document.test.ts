import { describe, expect, it } from 'vitest';
import { limitNesting, MAX_HTML_CHARS, parseDocument, prepareHtml } from './document.js';

describe('parseDocument', () => {
  it('wraps a fragment so that body holds it', () => {
    const doc = parseDocument('<p>one<p>two');
    expect(doc.body?.querySelectorAll('p').length).toBe(2);
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
