import { describe, expect, it } from 'vitest';
import { tripLines as trips } from '../../testing/extract.js';

describe('sentences read with their neighbours', () => {
  it('dates a trip from a sentence about the event', () => {
    expect(
      trips(
        'Vladimir Putin will not attend the summit in Brazil. The summit is scheduled for 12–13 April in Rio de Janeiro.',
      ),
    ).toEqual(['putin-vladimir BR Rio de Janeiro cancelled 2026-04-12 2026-04-13']);
  });
  it('never starts a trip from a sentence that names nobody', () => {
    expect(
      trips(
        'Vladimir Putin spoke to reporters in Moscow. The summit is scheduled for 12–13 April in Rio de Janeiro.',
      ),
    ).toEqual([]);
  });
  it('links avoided airspace to the person named before', () => {
    expect(
      trips('Netanyahu landed in Washington. The plane avoided the airspace of Spain and Portugal.', null),
    ).toEqual([
      'netanyahu-benjamin ES - none - -',
      'netanyahu-benjamin PT - none - -',
      'netanyahu-benjamin US Washington under_way - -',
    ]);
  });
  it('does not link a bare legal fact that names nobody', () => {
    expect(
      trips('Omar al-Bashir attended a ceremony in Egypt. Kenya is a signatory of the treaty.', null),
    ).toEqual(['al-bashir-omar EG - completed - -']);
  });
  it('cancels the trip of the sentence before when the cancellation names no place', () => {
    const text =
      'Polish officials said they would arrest Benjamin Netanyahu if he attends the ceremony in Krakow on 27 January. ' +
      'Netanyahu is now avoiding the event.';
    expect(trips(text, '2026-12-15')).toEqual(['netanyahu-benjamin PL Kraków cancelled 2027-01-27 -']);
  });
  it('does not cancel a visit already under way for a part of it he skips', () => {
    const text = 'Vladimir Putin arrived in Beijing on Monday. He did not attend the evening reception.';
    expect(trips(text)).toEqual(['putin-vladimir CN Beijing under_way 2026-03-02 -']);
  });
  it('does not carry a cancellation of another occasion back', () => {
    const text = 'Benjamin Netanyahu will travel to Hungary next week. He cancelled a trip in 2024.';
    expect(trips(text)).toEqual(['netanyahu-benjamin HU - planned - -']);
  });
});
