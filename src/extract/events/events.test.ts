import { describe, expect, it } from 'vitest';
import type { ExtractedEvent } from '../../model.js';
import { extract } from '../../testing/extract.js';

const events = (type: ExtractedEvent['type'], text: string, published: string | null = '2026-03-04') =>
  extract({ text, published })
    .filter((e) => e.type === type)
    .map((e) => `${e.subjectId} ${e.countryIso2 ?? '-'} ${e.start ?? '-'}`);

describe('calls to arrest', () => {
  it('take a state named before the call in the same clause', () => {
    expect(events('call_to_arrest', 'Mongolia was urged to arrest Vladimir Putin.')).toEqual([
      'putin-vladimir MN -',
    ]);
  });
  it('do not take the destination named in an earlier clause', () => {
    const text = "Omar al-Bashir will visit China on Monday, despite the Court's demands for his arrest.";
    expect(events('call_to_arrest', text)).toEqual([]);
  });
});

describe('warrants', () => {
  it('were issued before publication even when the day has no year', () => {
    expect(
      events('warrant_issued', 'The ICC issued a warrant for Vladimir Putin on 7 December.', '2026-06-10'),
    ).toEqual(['putin-vladimir - 2025-12-07']);
  });
});
