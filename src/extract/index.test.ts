import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../testing/extract.js';

describe('evidence', () => {
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
