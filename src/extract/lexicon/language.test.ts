import { describe, expect, it } from 'vitest';
import { articleLanguages, cueVotes, cuesIn } from './language.js';
import { compileLexicons, lexiconSchema, loadLexicons } from './index.js';
import { tokenize } from '../text/tokens.js';

describe('article language', () => {
  it('is the language with most cues, several on a tie', () => {
    expect([
      ...articleLanguages(
        new Map([
          ['en', 9],
          ['pl', 3],
        ]),
      ),
    ]).toEqual(['en']);
    expect(
      [
        ...articleLanguages(
          new Map([
            ['es', 2],
            ['pt', 2],
            ['it', 1],
          ]),
        ),
      ].sort(),
    ).toEqual(['es', 'pt']);
    expect([...articleLanguages(new Map())]).toEqual([]);
  });

  it('counts a phrase once per lexicon that has it', () => {
    const lex = compileLexicons([
      lexiconSchema.parse({ lang: 'aa', cues: { travel: ['go'], future: ['go'] } }),
      lexiconSchema.parse({ lang: 'bb', cues: { travel: ['go'] } }),
    ]);
    expect(cueVotes(lex.cues.findEvery(tokenize('go go')))).toEqual(
      new Map([
        ['aa', 2],
        ['bb', 2],
      ]),
    );
  });

  it('keeps only the cues of the article language, with the longest own phrase where a foreign one was', () => {
    const lex = compileLexicons([
      lexiconSchema.parse({ lang: 'aa', cues: { travel: ['go'] } }),
      lexiconSchema.parse({ lang: 'bb', cues: { past: ['go on'], pronoun: ['on'] } }),
    ]);
    const tokens = tokenize('we go on');
    const cues = cuesIn(lex.cues, tokens, lex.cues.findEvery(tokens), new Set(['aa']));
    expect(cues.map((m) => [m.from, m.to, m.values.map((v) => v.kind)])).toEqual([[1, 2, ['travel']]]);
  });

  it('takes English for English news although Polish "on" matches too', () => {
    const lex = loadLexicons();
    const tokens = tokenize('Putin will travel to China on Monday and meet Xi on Tuesday.');
    expect([...articleLanguages(cueVotes(lex.cues.findEvery(tokens)))]).toEqual(['en']);
  });
});
