import { describe, expect, it } from 'vitest';
import { patternDays } from './date-patterns.js';
import { findDays, inThePast } from './dates.js';
import { compileDatePatterns, loadLexicons } from '../lexicon/index.js';

describe('date patterns from the lexicons', () => {
  const lex = loadLexicons();
  it('read the Brazilian press style with and without a year', () => {
    const days = findDays(
      'Ele chegou nesta 3ª feira (9.mar.2027) e fica até (9-11.mar).',
      0,
      ['pt'],
      null,
      lex,
    );
    expect(days.map((d) => [d.start, d.end])).toEqual([['2027-03-09', null]]);
    const dated = findDays('O fórum acontece (9-11.mar).', 0, ['pt'], '2027-03-01', lex);
    expect(dated.map((d) => [d.start, d.end])).toEqual([['2027-03-09', '2027-03-11']]);
  });
  it('read Hindi day and month, in the year nearest to publication', () => {
    const [d] = findDays('वह 14 फरवरी को पहुंचेंगे', 0, ['en'], '2026-12-20', lex);
    expect(d).toMatchObject({ start: '2027-02-14', yearless: true });
  });
  it('skip and report an invalid pattern', () => {
    const problems: string[] = [];
    const ok = compileDatePatterns(
      'xx',
      { months: undefined, patterns: ['(?<day>\\d+', '(?<day>\\d+)/(?<month>\\d+)'] },
      problems,
    );
    expect(ok).toHaveLength(1);
    expect(problems[0]).toMatch(/^xx\.yaml/);
    expect(patternDays('on 5/6/', ok, '2026-01-01').map((d) => d.start)).toEqual(['2026-06-05']);
  });
});

describe('inThePast', () => {
  it('moves a day without a year that lies after publication back a year', () => {
    expect(inThePast({ at: 0, start: '2026-12-07', end: null, yearless: true }, '2026-06-10').start).toBe(
      '2025-12-07',
    );
    expect(inThePast({ at: 0, start: '2026-12-07', end: null }, '2026-06-10').start).toBe('2026-12-07');
  });
});
