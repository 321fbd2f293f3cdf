import { describe, expect, it } from 'vitest';
import { removeBoilerplate } from './clean.js';
import { parseDocument } from './document.js';

const prose = 'The minister said the visit would go ahead despite the warrant. '.repeat(10);

describe('removeBoilerplate', () => {
  it('removes sharing bars, captions, hidden and related-story blocks', () => {
    const doc = parseDocument(`<html><body><article>
      <div class="social-share">Facebook Twitter</div>
      <figure><img src=a.jpg><figcaption>Photo: AP</figcaption></figure>
      <p>${prose}</p>
      <span hidden>screen reader only</span>
      <ul class="related-stories"><li><a href=/x>Other story</a></li></ul>
    </article></body></html>`);
    removeBoilerplate(doc);
    const text = doc.body!.textContent ?? '';
    expect(text).toContain('minister said');
    for (const gone of ['Facebook', 'Photo: AP', 'screen reader', 'Other story'])
      expect(text).not.toContain(gone);
  });

  it('keeps a wrapper whose class matches but which holds the article', () => {
    const doc = parseDocument(`<html><body><div class="page-rail-tall"><p>${prose}</p></div></body></html>`);
    removeBoilerplate(doc);
    expect(doc.body!.textContent).toContain('minister said');
  });
});
