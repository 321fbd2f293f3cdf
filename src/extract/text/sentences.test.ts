import { describe, expect, it } from 'vitest';
import { lineOf, splitSentences } from './sentences.js';

const text = 'NEW DELHI:\nPutin arrived. He met Mr. Modi on Monday.\n\nThe U.S. objected. Nothing else.\nEnd';

describe('splitSentences', () => {
  it('splits at line breaks and sentence ends, not after abbreviations', () => {
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'NEW DELHI:',
      'Putin arrived.',
      'He met Mr. Modi on Monday.',
      'The U.S. objected.',
      'Nothing else.',
      'End',
    ]);
  });

  it('from an offset, gives the sentences of the whole text from that line on', () => {
    const all = splitSentences(text);
    for (let at = 0; at <= text.length; at++) {
      const tail = splitSentences(text, at);
      expect(tail).toEqual(all.filter((s) => s.start >= lineOf(text, at)));
    }
  });

  it('reads a long page in pieces without cutting or moving a sentence', () => {
    // One long line and many short ones, with abbreviations, quotes and unspaced scripts, so that
    // piece boundaries fall everywhere: the sentences must be those of one pass over the whole.
    const parts = [
      'Vladimir Putin arrived in Ulaanbaatar on Monday. ',
      'The U.S. and the E.U. objected, Mr. Blinken said. ',
      '"He will not be arrested," an official said. ',
      '普京周一抵达乌兰巴托。',
      'Netanyahu flew to Washington on Jan. 5 for talks!\n',
      'Will he come? Nobody knows. ',
    ];
    const long = Array.from({ length: 900 }, (_, i) => parts[i % parts.length]).join('');
    const oneLine = long.replace(/\n/g, ' ');
    for (const page of [long, oneLine]) {
      const whole = [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment(page)];
      const ends = new Set(whole.map((s) => s.index + s.segment.length));
      const got = splitSentences(page);
      expect(got.length).toBeGreaterThan(700);
      // Each sentence ends where one pass over the whole page ends one (white space aside), and
      // together they hold every character of the page but white space, in order, once.
      const endsHere = (at: number) => {
        let e = at;
        while (e < page.length && /\s/u.test(page[e]!) && !ends.has(e)) e++;
        return ends.has(e);
      };
      expect(got.filter((x) => !endsHere(x.end)).map((x) => x.text)).toEqual([]);
      expect(
        got
          .map((x) => x.text)
          .join('')
          .replace(/\s+/gu, ''),
      ).toBe(page.replace(/\s+/gu, ''));
      expect(got.every((x, i) => i === 0 || got[i - 1]!.end <= x.start)).toBe(true);
    }
  });
});
