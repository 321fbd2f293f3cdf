import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../testing/extract.js';

/** Trips as "subject country status start" lines, sorted, for readable expectations. */
const trips = (text: string, published: string | null = '2026-03-04') =>
  extract({ text, published })
    .filter((e) => e.type === 'trip')
    .map((e) => `${e.subjectId} ${e.countryIso2} ${e.status} ${e.start ?? '-'}`)
    .sort();

// 2026-03-04 is a Wednesday.
describe('trip status', () => {
  it('reads a plan with its day', () => {
    expect(trips('Vladimir Putin will travel to Mongolia on Friday for talks.')).toEqual([
      'putin-vladimir MN planned 2026-03-06',
    ]);
  });
  it('reads an arrival', () => {
    expect(trips('Benjamin Netanyahu arrived in Hungary on Monday.')).toEqual([
      'netanyahu-benjamin HU under_way 2026-03-02',
    ]);
  });
  it('reads a past visit', () => {
    expect(trips('Omar al-Bashir visited Egypt on 2 January 2019.')).toEqual([
      'al-bashir-omar EG completed 2019-01-02',
    ]);
  });
  it('reads a cancellation', () => {
    expect(trips('Putin will not attend the summit in Brazil next month.')).toEqual([
      'putin-vladimir BR cancelled -',
    ]);
  });
  it('reads attendance by video link', () => {
    expect(trips('Putin will address the summit in India by video link instead of travelling.')).toEqual([
      'putin-vladimir IN remote -',
    ]);
  });
});

describe('no trip', () => {
  it('for a hypothetical', () => {
    expect(trips('If Netanyahu travels to Ireland, he could be arrested.')).toEqual([
      'netanyahu-benjamin IE none -',
    ]);
  });
  it('for a denial', () => {
    expect(trips('The Kremlin said Putin has no plans to go to Austria.')).toEqual([
      'putin-vladimir AT none -',
    ]);
  });
  it('for ordinary news', () => {
    expect(extract({ text: 'The minister visited France on Monday.', published: '2026-03-04' })).toEqual([]);
  });
  it('for the home country or a battlefield', () => {
    expect(trips('Putin returned to Russia after the war in Ukraine began.')).toEqual([]);
  });
});

describe('references', () => {
  it('resolves pronouns and titles to the last person named', () => {
    const text =
      'Putin met officials in Moscow. He will fly to Vietnam on Thursday. The Kremlin leader later plans a stop in Laos.';
    expect(trips(text)).toEqual(['putin-vladimir LA planned -', 'putin-vladimir VN planned 2026-03-05']);
  });
  it('resolves an office description on the publication date', () => {
    expect(trips('The Russian president landed in Turkey on Monday.', '2024-05-08')).toEqual([
      'putin-vladimir TR under_way 2024-05-06',
    ]);
  });
  it('reads lists of countries', () => {
    expect(
      trips('Belgium, Spain and Slovenia said they would arrest Netanyahu if he entered their territory.'),
    ).toEqual([
      'netanyahu-benjamin BE none -',
      'netanyahu-benjamin ES none -',
      'netanyahu-benjamin SI none -',
    ]);
  });
});

describe('other languages', () => {
  it('reads inflected Russian names', () => {
    expect(
      trips('Переговоры с Путиным пройдут в Китае. Путин посетит Китай в пятницу.', '2026-03-04'),
    ).toContain('putin-vladimir CN planned 2026-03-06');
  });
  it('reads French and German spellings', () => {
    expect(trips('Poutine est arrivé en Inde lundi.', '2026-03-04')).toEqual([
      'putin-vladimir IN under_way 2026-03-02',
    ]);
    expect(trips('Netanjahu besucht heute Argentinien.', '2026-03-04')).toEqual([
      'netanyahu-benjamin AR under_way 2026-03-04',
    ]);
  });
});

describe('other events', () => {
  it('reads warrants, calls to arrest, arrests and protests', () => {
    const text =
      'Rodrigo Duterte was arrested in Manila on 11 March 2025. The court had issued a warrant for his arrest on 7 March. ' +
      'Activists urged Japan to arrest Netanyahu. Protesters rallied against Netanyahu in Tokyo.';
    const events = extract({ text, published: '2025-03-20' }).map(
      (e) => `${e.type} ${e.subjectId} ${e.countryIso2 ?? '-'} ${e.start ?? '-'}`,
    );
    expect(events).toEqual(
      expect.arrayContaining([
        'arrest duterte-rodrigo PH 2025-03-11',
        'warrant_issued duterte-rodrigo - 2025-03-07',
        'call_to_arrest netanyahu-benjamin JP -',
        'protest netanyahu-benjamin JP -',
      ]),
    );
  });
  it('cites the sentence as evidence with offsets into the text', () => {
    const text = 'Something else. Putin will visit Mongolia on 3 September 2026.';
    const [e] = extract({ text, published: '2026-08-30' });
    expect(e?.evidence[0]).toEqual({ start: 16, end: text.length, text: text.slice(16) });
  });
});

// The seed article lies in ../shared beside the repository (never copied here); CI has it there.
const seed = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'seed-article.txt');
if (!existsSync(seed)) console.warn(`SKIPPED: the seed-article test needs ${seed}, which is not here`);
describe.skipIf(!existsSync(seed))('the seed article', () => {
  it('yields the Mongolia trip, the warrants, the call and the protests, and nothing else', () => {
    const events = extract({ text: readFileSync(seed, 'utf8'), published: '2024-09-03' });
    const brief = events.map(
      (e) =>
        `${e.type} ${e.subjectId} ${e.countryIso2 ?? '-'} ${e.city ?? '-'} ${e.status} ${e.start ?? '-'}`,
    );
    expect(brief.sort()).toEqual([
      'call_to_arrest putin-vladimir MN - completed -',
      'protest putin-vladimir MN Ulaanbaatar completed -',
      'trip putin-vladimir MN Ulaanbaatar under_way 2024-09-03',
      'warrant_issued lvova-belova-maria - - completed -',
      'warrant_issued putin-vladimir - - completed -',
    ]);
    expect(events.every((e) => e.evidence.length > 0)).toBe(true);
  });
});
