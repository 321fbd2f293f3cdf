import { describe, expect, it } from 'vitest';
import { publishedOf, storedPublished } from './published.js';

describe('the stored form of a publication time', () => {
  // What sources give today: a JSON-lines day, page metadata with an offset, a feed's date made
  // ISO (with or without seconds and milliseconds), a Telegram post, an RFC 822 date.
  const cases: [string, string, 'day' | 'time', number | null, string][] = [
    ['2024-09-03', '2024-09-03T00:00:00.000Z', 'day', null, '2024-09-03'],
    ['2024-09-03T01:30:00+03:00', '2024-09-02T22:30:00.000Z', 'time', 180, '2024-09-03T01:30:00.000+03:00'],
    ['2024-09-03T01:30+0300', '2024-09-02T22:30:00.000Z', 'time', 180, '2024-09-03T01:30:00.000+03:00'],
    ['2024-09-02T23:30:00-05:30', '2024-09-03T05:00:00.000Z', 'time', -330, '2024-09-02T23:30:00.000-05:30'],
    ['2024-09-03T10:00Z', '2024-09-03T10:00:00.000Z', 'time', 0, '2024-09-03T10:00:00.000Z'],
    ['2024-09-03T10:00:00.123456Z', '2024-09-03T10:00:00.123Z', 'time', 0, '2024-09-03T10:00:00.123Z'],
    ['2024-09-03 10:00:00', '2024-09-03T10:00:00.000Z', 'time', 0, '2024-09-03T10:00:00.000Z'],
    ['Tue, 03 Sep 2024 10:00:00 GMT', '2024-09-03T10:00:00.000Z', 'time', 0, '2024-09-03T10:00:00.000Z'],
    [
      'Tue, 03 Sep 2024 13:00:00 +0300',
      '2024-09-03T10:00:00.000Z',
      'time',
      180,
      '2024-09-03T13:00:00.000+03:00',
    ],
  ];
  it.each(cases)(
    '%s is stored as %s (%s, offset %s) and read back as %s',
    (given, at, precision, offset, back) => {
      const stored = storedPublished(given);
      expect(stored).toEqual({ published_at: at, published_precision: precision, published_offset: offset });
      expect(publishedOf(stored)).toBe(back);
      // Reading back and storing again changes nothing.
      expect(storedPublished(publishedOf(stored))).toEqual(stored);
    },
  );

  it('stores nothing for no date, and refuses what is neither a day nor a time with its zone', () => {
    expect(storedPublished(undefined)).toEqual({
      published_at: null,
      published_precision: null,
      published_offset: null,
    });
    for (const bad of ['yesterday', '2024-02-30', '2024-09-03T25:00Z', 'September 3, 2024', '03/09/2024'])
      expect(() => storedPublished(bad), bad).toThrow(/neither a day/);
  });
});
