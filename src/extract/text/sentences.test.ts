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
});
