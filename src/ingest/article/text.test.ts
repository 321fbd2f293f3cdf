import { describe, expect, it } from 'vitest';
import { parseDocument } from './document.js';
import { paragraphsOf, textOf } from './text.js';

const body = (html: string) => parseDocument(`<html><body>${html}</body></html>`).body!;

describe('textOf', () => {
  it('separates block elements by a blank line and joins inline ones', () => {
    expect(textOf(body('<h1>Title</h1><p>One <b>bold</b> word.</p><div>Two</div>'))).toBe(
      'Title\n\nOne bold word.\n\nTwo',
    );
  });

  it('splits at <br> and collapses white space, including no-break spaces', () => {
    expect(paragraphsOf(body('<p>a\u00a0 b<br>c\n  d</p>'))).toEqual(['a b', 'c d']);
  });

  it('skips scripts, styles and buttons', () => {
    expect(textOf(body('<p>x<script>var a=1</script><style>p{}</style><button>Share</button></p>'))).toBe(
      'x',
    );
  });
});
