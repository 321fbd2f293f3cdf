import { describe, expect, it } from 'vitest';
import * as chrono from 'chrono-node';
import { addDays, dayParser, findDays, placeWeekday } from './dates.js';
import { statedDuration } from './durations.js';
import { loadLexicons } from '../lexicon/index.js';

const lex = loadLexicons();
import { splitSentences } from '../text/sentences.js';

describe('placeWeekday', () => {
  // 2024-08-30 is a Friday.
  it('looks forward for plans and backward for history', () => {
    expect(placeWeekday(2, '2024-08-30', 'forward')).toBe('2024-09-03');
    expect(placeWeekday(2, '2024-08-30', 'backward')).toBe('2024-08-27');
    expect(placeWeekday(5, '2024-08-30', 'backward')).toBe('2024-08-30');
  });
  it('adds days across months', () => expect(addDays('2024-02-28', 2)).toBe('2024-03-01'));
});

describe('findDays', () => {
  it('reads full dates and ranges', () => {
    const [d] = findDays('The summit runs on March 22–23 in the capital.', 0, ['en'], '2026-03-01', lex);
    expect(d).toMatchObject({ start: '2026-03-22', end: '2026-03-23' });
  });
  it('keeps a bare weekday as a weekday', () => {
    expect(findDays('He flies out on Thursday.', 0, ['en'], '2026-03-02', lex)[0]?.weekday).toBe(4);
  });
  it('drops weeks, months and years', () => {
    expect(findDays('He goes next week, or in April, or in 2027.', 0, ['en'], '2026-03-02', lex)).toEqual([]);
  });
  it('drops relative days when the publication date is unknown', () => {
    expect(findDays('He left yesterday and arrives on Monday.', 0, ['en'], null, lex)).toEqual([]);
    expect(findDays('He arrives on 4 May 2026.', 0, ['en'], null, lex)[0]?.start).toBe('2026-05-04');
  });
  it('reads other languages', () => {
    expect(findDays('Er reist am 4. Mai 2026 ab.', 0, ['de'], '2026-03-02', lex)[0]?.start).toBe(
      '2026-05-04',
    );
  });
  it('counts no day from spans or times of day, but keeps days ago', () => {
    expect(findDays('The car reaches 60 mph in five seconds.', 0, ['en'], '2026-03-02', lex)).toEqual([]);
    expect(findDays('He will be in China in the next few days.', 0, ['en'], '2026-03-02', lex)).toEqual([]);
    expect(findDays('He arrived two days ago.', 0, ['en'], '2026-03-02', lex)[0]?.start).toBe('2026-02-28');
    expect(
      findDays('The summit opens on 3 September at 10:00.', 0, ['en'], '2026-08-20', lex)[0]?.start,
    ).toBe('2026-09-03');
  });
  it('finds the time parsers it drops in every language (a chrono upgrade that renames them fails here)', () => {
    for (const lang of ['en', 'fr', 'de', 'es', 'pt', 'it', 'ru', 'uk', 'nl', 'ar'] as const) {
      const casual = chrono[lang].casual;
      expect(dayParser(casual).parsers.length, lang).toBeLessThan(casual.parsers.length);
    }
  });
  it('reads stated durations', () => {
    expect(statedDuration('a three-day state visit', lex.durations)).toBe(3);
    expect(statedDuration('pour une visite de quatre jours', lex.durations)).toBe(4);
    expect(statedDuration('zu einem zweitägigen Besuch', lex.durations)).toBe(2);
    expect(statedDuration('с двухдневным визитом', lex.durations)).toBe(2);
    expect(statedDuration('il est arrivé il y a deux jours', lex.durations)).toBeUndefined();
  });
});

describe('splitSentences', () => {
  it('keeps abbreviations inside a sentence and lines apart', () => {
    const text = 'He met the U.S. envoy. Then he left.\nHEADLINE';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'He met the U.S. envoy.',
      'Then he left.',
      'HEADLINE',
    ]);
  });
});
