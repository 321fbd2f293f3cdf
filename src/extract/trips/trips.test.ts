import { describe, expect, it } from 'vitest';
import { tripLines as trips } from '../../testing/extract.js';

// 2026-03-04 is a Wednesday.
describe('status in context', () => {
  it('gives each verb phrase its own tense', () => {
    expect(
      trips('Netanyahu spoke at a conference in Paris on Monday and will travel to Washington on Friday.'),
    ).toEqual(['netanyahu-benjamin US Washington planned 2026-03-06 -']);
  });
  it('lets a "where" clause speak only of the place before it', () => {
    expect(
      trips('This is not true of Serbia nor of Hungary, where Vladimir Putin travelled on 2 February.'),
    ).toEqual(['putin-vladimir HU - completed 2026-02-02 -']);
  });
  it('puts him at the end of a journey from one place to another', () => {
    expect(
      trips(
        'Benjamin Netanyahu flew from Hungary to Argentina over the weekend to meet its president.',
        null,
      ),
    ).toEqual(['netanyahu-benjamin AR - under_way - -', 'netanyahu-benjamin HU - completed - -']);
  });
  it('keeps a journey in a past year in the past', () => {
    expect(
      trips('Benjamin Netanyahu flew from Hungary to Argentina in 2025 to meet its president.', null),
    ).toEqual(['netanyahu-benjamin AR - completed - -', 'netanyahu-benjamin HU - completed - -']);
  });
  it('plans the legs of a tour that he has not reached yet', () => {
    expect(trips('Vladimir Putin began a visit to Saudi Arabia and Qatar. Putin landed in Doha.')).toEqual([
      'putin-vladimir QA Doha under_way - -',
      'putin-vladimir SA - planned - -',
    ]);
  });
  it('prefers remote attendance to the cancellation that goes with it', () => {
    expect(
      trips(
        'Vladimir Putin will join the summit in India by video link. He will not travel to the meeting in person.',
      ),
    ).toEqual(['putin-vladimir IN - remote - -']);
  });
});

describe('places and days', () => {
  it('reads a US state as the country without a city', () => {
    expect(trips('Donald Trump will meet Vladimir Putin in Montana on 20 March 2026.')).toEqual([
      'putin-vladimir US - planned 2026-03-20 -',
    ]);
  });
  it('ends a trip on the day he came back from it', () => {
    expect(
      trips(
        'Rodrigo Duterte was detained in Manila on 11 March 2025 upon returning from a visit to Singapore.',
      ),
    ).toEqual(['duterte-rodrigo SG - completed - 2025-03-11']);
  });
  it('starts a visit on the day of arrival', () => {
    expect(
      trips(
        'The visit of Vladimir Putin to Mongolia on Wednesday is his first. He landed in Mongolia on Tuesday evening.',
      ),
    ).toEqual(['putin-vladimir MN - under_way 2026-03-03 -']);
  });
});
