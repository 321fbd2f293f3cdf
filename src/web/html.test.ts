import { describe, expect, it } from 'vitest';
import { html, safeUrl, trusted } from './html.js';

describe('html', () => {
  it('escapes every value it is given', () => {
    const evil = `<script>alert("x")</script>' onload='x`;
    expect(html`<p title="${evil}">${evil}</p>`.text).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onload=&#39;x">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onload=&#39;x</p>',
    );
  });

  it('keeps markup made by the tag or marked trusted, joins lists, and prints nothing for null', () => {
    const items = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${trusted('<svg></svg>')}${0}`.text).toBe(
      '<ul><li>a&lt;b</li><li>c</li></ul><svg></svg>0',
    );
  });
});

describe('safeUrl', () => {
  it('lets through web addresses and paths of this site, nothing that runs', () => {
    expect(['https://a.org/x', 'http://b.org', 'mailto:x@y.z', '/trips/1'].map(safeUrl)).toEqual([
      'https://a.org/x',
      'http://b.org',
      'mailto:x@y.z',
      '/trips/1',
    ]);
    expect(
      ['javascript:alert(1)', ' JavaScript:x', 'data:text/html,x', '//evil.org', 'vbscript:x'].map(safeUrl),
    ).toEqual(['#', '#', '#', '#', '#']);
  });
});
