import { describe, expect, it } from 'vitest';
import { findDates, parseDate, validDay } from './date-parse.js';

describe('parseDate', () => {
  it.each([
    ['2024-09-03', '2024-09-03'],
    ['2024-09-03T10:15:00+02:00', '2024-09-03T10:15:00+02:00'],
    ['2024-09-03T10:15:00Z', '2024-09-03T10:15:00Z'],
    ['2024-09-03 10:15:00 +0200', '2024-09-03T10:15:00+02:00'],
    ['2024-09-03T10:15:00', '2024-09-03'], // no offset: the day only
    ['2024/9/3', '2024-09-03'],
    ['20240903', '2024-09-03'],
    ['03.09.2024', '2024-09-03'],
    ['3. September 2024', '2024-09-03'],
    ['3 de septiembre de 2024', '2024-09-03'],
    ['Sept. 3, 2024', '2024-09-03'],
    ['September 3rd 2024', '2024-09-03'],
    ['le 3 août 2024', '2024-08-03'],
    ['09/03/2024', '2024-09-03'], // US order with slashes
    ['25/12/2023', '2023-12-25'], // day first when it cannot be a month
    ['1725321600', '2024-09-03T00:00:00Z'], // Unix seconds: an instant in UTC
    ['20200414T00:38:07Z', '2020-04-14T00:38:07Z'], // ISO basic form
    ['2022-01-04T07:29:00.000Z', '2022-01-04T07:29:00.000Z'],
    ['2020-12-05T23:15:0Z', '2020-12-05T23:15:00Z'], // a CMS that drops a digit of the seconds
    ['19.11.2021Lockdown', '2021-11-19'], // text run on without a space
    ['Party, 31.10.23', '2023-10-31'], // two-digit year, dotted day-first
    ['26.10.98', '1998-10-26'],
    ['15 августа 2016, 13:43', '2016-08-15'],
    ['20 września 2020', '2020-09-20'],
    ['duminică, 20 septembrie 2020', '2020-09-20'],
    ['الأربعاء، 07 أكتوبر 2020', '2020-10-07'],
    ['٠٧ أكتوبر ٢٠٢٠', '2020-10-07'], // Arabic-Indic digits
    ['2020年07月03日', '2020-07-03'],
    ['2023년 11월 2일', '2023-11-02'],
    ['입력2023.11.02. 오후 8:06', '2023-11-02'],
    ['Tue Aug 25 2020 00:23:33 GMT+0000', '2020-08-25'],
    ['12 Ekim 2021', '2021-10-12'],
    ['Updated 12.01.2022, first 03.09.2021', '2022-01-12'], // the first date written
    ['2023 Jan 7', '2023-01-07'], // PubMed's citation date
    ['2023. január 7.', '2023-01-07'],
    ['06-08-2009T14:12:32+0200', '2009-08-06'], // software writes dashes day first
    ['Published on 01/25/26', '2026-01-25'], // a two-digit year, slashed
  ])('%s → %s', (input, want) => expect(parseDate(input)).toBe(want));

  it.each([
    '',
    'yesterday',
    '2024-02-30',
    '1850-01-01',
    '31.13.2020',
    'v1.2.19',
    '10.12.19.5',
    '3 martini 2020',
  ])('rejects %j', (input) => expect(parseDate(input)).toBeNull());
});

describe('date order', () => {
  it('reads a/b/year in the order given: the text follows its country, software its own', () => {
    expect(parseDate('02/11/2023', 'day-first')).toBe('2023-11-02');
    expect(parseDate('01-04-2024', 'month-first')).toBe('2024-01-04');
    expect(parseDate('01-04-2024')).toBe('2024-04-01');
    expect(parseDate('25/12/2023', 'month-first')).toBe('2023-12-25'); // 25 cannot be a month
  });

  it('does not read a year and a date on the next line as one date', () => {
    expect(parseDate('Bird of the year 2021\nJan 04')).toBeNull();
  });
});

describe('findDates', () => {
  it('lists the dates of a text in reading order, each place read once', () => {
    const found = findDates('Posted 3 Sep 2024 by A. Updated: 2024-09-05. See 03.09.2024.');
    expect(found.map((f) => f.day)).toEqual(['2024-09-03', '2024-09-05', '2024-09-03']);
    expect(found[0]!.index).toBe(7);
  });
});

describe('validDay', () => {
  it('knows leap years', () => {
    expect(validDay([2024, 2, 29])).toBe(true);
    expect(validDay([2023, 2, 29])).toBe(false);
  });
});
