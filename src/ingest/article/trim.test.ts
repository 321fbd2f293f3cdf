import { describe, expect, it } from 'vitest';
import { trimParagraphs } from './trim.js';

const prose = 'The delegation landed on Monday and was received by the president.';

describe('trimParagraphs', () => {
  it('drops labels and date lines at the edges but keeps inner subheadings', () => {
    expect(
      trimParagraphs([
        'World',
        'Updated Nov 19, 6:55 AM',
        prose,
        'A subheading',
        prose,
        'You may also like',
        'Other headline',
      ]),
    ).toEqual([prose, 'A subheading', prose]);
  });

  it('drops site furniture anywhere', () => {
    expect(trimParagraphs([prose, 'Advertisement', prose])).toEqual([prose, prose]);
  });

  it('keeps everything when nothing reads as prose', () => {
    expect(trimParagraphs(['one', 'two'])).toEqual(['one', 'two']);
  });
});

describe('trimParagraphs on list-like articles', () => {
  it('keeps short lines when they are most of the text', () => {
    const list = [
      'Round 1: 10 March, Interlagos',
      'Round 2: 8 April, Curitiba',
      'Round 3: 22 April, Velopark',
    ];
    expect(trimParagraphs(['Calendar 2018', ...list, prose])).toEqual(['Calendar 2018', ...list, prose]);
  });
});
