import { describe, expect, it } from 'vitest';
import { parseDate, validDay } from './date-parse.js';

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
    ['1725321600', '2024-09-03'], // Unix seconds
  ])('%s → %s', (input, want) => expect(parseDate(input)).toBe(want));

  it.each(['', 'yesterday', '2024-02-30', '1850-01-01', '31.13.2020'])('rejects %j', (input) =>
    expect(parseDate(input)).toBeNull(),
  );
});

describe('validDay', () => {
  it('knows leap years', () => {
    expect(validDay([2024, 2, 29])).toBe(true);
    expect(validDay([2023, 2, 29])).toBe(false);
  });
});
