import { describe, expect, it } from 'vitest';
import { buildDayWords, mayNameDay } from './calendar.js';

describe('mayNameDay', () => {
  const en = buildDayWords('en', ['tonight']);
  it('lets through digits, calendar words and the casual words given', () => {
    expect(mayNameDay('He lands on the 3rd.', en)).toBe(true);
    expect(mayNameDay('He lands on Tuesday.', en)).toBe(true);
    expect(mayNameDay('He landed in Ulaanbaatar yesterday.', en)).toBe(true);
    expect(mayNameDay('The visit begins in September.', en)).toBe(true);
    expect(mayNameDay('He flies out tonight.', en)).toBe(true);
  });
  it('turns away a sentence with none of them', () => {
    expect(mayNameDay('The Kremlin confirmed the visit to the capital.', en)).toBe(false);
  });
  it('meets inflected Cyrillic months and weekdays by their stems', () => {
    const ru = buildDayWords('ru');
    expect(mayNameDay('Визит начнётся в среду', ru)).toBe(true);
    expect(mayNameDay('Визит запланирован на конец сентября', ru)).toBe(true);
    expect(mayNameDay('Визит подтвердили в Кремле', ru)).toBe(false);
  });
  it('finds Arabic day words behind glued prefixes', () => {
    const ar = buildDayWords('ar');
    expect(mayNameDay('وصل الرئيس والثلاثاء', ar)).toBe(true);
    expect(mayNameDay('وصل الرئيس إلى العاصمة', ar)).toBe(false);
  });
  it('reads each language its own calendar', () => {
    expect(mayNameDay('Er reist am Dienstag ab.', buildDayWords('de'))).toBe(true);
    expect(mayNameDay('Il arrive demain.', buildDayWords('fr'))).toBe(true);
    expect(mayNameDay('Il arrive demain.', en)).toBe(false);
  });
});
