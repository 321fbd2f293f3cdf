import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hash64 } from './hash64.js';
import {
  hamming,
  isNearDuplicate,
  NEAR_DUPLICATE_DISTANCE,
  shingles,
  SIMHASH_BANDS,
  simhash64,
  simhashBands,
} from './simhash.js';

const fixture = (name: string) => readFileSync(new URL(`testdata/${name}`, import.meta.url), 'utf8');
const visit = fixture('en-visit.txt');
const distance = (a: string, b: string) => hamming(simhash64(a), simhash64(b));

// The variants of one article that a feed reader meets (measured distances in README.md).
const syndicated =
  'By Jane Doe, Staff Reporter\n\n' +
  visit.replace('ULAANBAATAR, Sept 3 -', 'ULAANBAATAR (Wire Agency) —') +
  '\n\n(Reporting by Jane Doe; Editing by John Roe)';
const newHeadline = 'Putin lands in Mongolia despite ICC warrant\n\n' + visit;
const rewrite = visit.replace('Monday evening', 'Monday night').replace('heavy blow', 'severe blow');

describe('simhash64', () => {
  it('is 16 hex digits, stable, and zero for an empty text', () => {
    expect(simhash64(visit)).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash64(visit)).toBe(simhash64(visit));
    expect(simhash64('')).toBe('0000000000000000');
  });

  it('shingles are word 3-grams; a short text is one shingle', () => {
    expect(shingles('One two three four')).toEqual(['one two three', 'two three four']);
    expect(shingles('Putin arrived')).toEqual(['putin arrived']);
  });

  it('identical texts, and texts differing only in form, are at distance 0', () => {
    expect(distance(visit, visit)).toBe(0);
    expect(distance(visit, visit.toUpperCase().replace(/\n\n/g, '\n'))).toBe(0);
  });

  it('a syndicated copy with another byline and dateline is near', () => {
    expect(isNearDuplicate(simhash64(visit), simhash64(syndicated))).toBe(true);
  });

  it('a copy with a headline line added is near', () => {
    expect(isNearDuplicate(simhash64(visit), simhash64(newHeadline))).toBe(true);
  });

  it('a light rewrite (two words changed) is near', () => {
    expect(isNearDuplicate(simhash64(visit), simhash64(rewrite))).toBe(true);
  });

  it('different articles on the same event are far', () => {
    const others = ['en-ministry.txt', 'en-protest.txt', 'en-finding.txt'].map(fixture);
    for (const a of [visit, ...others]) {
      for (const b of [visit, ...others]) {
        if (a !== b) expect(distance(a, b)).toBeGreaterThan(2 * NEAR_DUPLICATE_DISTANCE);
      }
    }
  });

  it('works on Cyrillic and Chinese text', () => {
    const ru = fixture('ru-visit.txt');
    const zh = fixture('zh-visit.txt');
    expect(isNearDuplicate(simhash64(ru), simhash64('Новости. ' + ru.replace('прибыл', 'приехал')))).toBe(
      true,
    );
    expect(distance(ru, fixture('ru-ministry.txt'))).toBeGreaterThan(2 * NEAR_DUPLICATE_DISTANCE);
    expect(isNearDuplicate(simhash64(zh), simhash64('新华社 ' + zh.replace('周一晚', '周一晚间')))).toBe(
      true,
    );
    expect(distance(zh, fixture('zh-finding.txt'))).toBeGreaterThan(2 * NEAR_DUPLICATE_DISTANCE);
  });
});

describe('hamming and bands', () => {
  it('counts differing bits', () => {
    expect(hamming('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hamming('8000000000000001', '0000000000000000')).toBe(2);
    expect(isNearDuplicate('0000000000000000', '000000000000007f')).toBe(true);
    expect(isNearDuplicate('0000000000000000', '00000000000000ff')).toBe(false);
    expect(isNearDuplicate('0000000000000000', '0000000000000007', 2)).toBe(false);
  });

  it('rejects what is not 16 hex digits', () => {
    expect(() => hamming('xyz', '0000000000000000')).toThrow(/16 hex digits/);
  });

  it('hashes within the threshold share a band (pigeonhole)', () => {
    expect(SIMHASH_BANDS).toBeGreaterThan(NEAR_DUPLICATE_DISTANCE);
    expect(simhashBands('0123456789abcdef')).toEqual([0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef]);
    const a = simhashBands('0101010101010101');
    const b = simhashBands('0000000000000001'); // 7 bits away: only the last band agrees
    expect(a.filter((x, i) => x === b[i])).toHaveLength(1);
  });
});

describe('hash64', () => {
  it('spreads bits evenly: each of the 64 bits is set in about half of the hashes', () => {
    const counts = new Array<number>(64).fill(0);
    const n = 4000;
    for (let i = 0; i < n; i++) {
      const { hi, lo } = hash64(`word${i} next`);
      for (let b = 0; b < 32; b++) {
        counts[b]! += (lo >>> b) & 1;
        counts[b + 32]! += (hi >>> b) & 1;
      }
    }
    for (const c of counts) expect(Math.abs(c / n - 0.5)).toBeLessThan(0.05);
  });
});
