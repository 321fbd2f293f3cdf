import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractedEvent } from '../model.js';
import { loadRegistry } from '../registry/index.js';
import { claim } from '../testing/claims.js';
import { extract } from '../testing/extract.js';
import { curatedTrips } from './curated.js';
import { mergeTrips } from './merge.js';
import { outcomeOf } from './outcome.js';
import type { Claim } from './types.js';

const reg = loadRegistry();
const putins = curatedTrips(reg.trips).filter((c) => c.subjectId === 'putin-vladimir');

const claimOf = (id: string, published: string, event: ExtractedEvent): Claim => ({
  article: { id, url: `https://news.example/${id}`, published },
  event,
});

function trip(id: string, published: string, more: Partial<ExtractedEvent>): Claim {
  return claim(id, published, 'under_way', more);
}

describe('curated trips in the record', () => {
  it('takes visits, cancellations and video links from the registry, and leaves flights through airspace out', () => {
    const all = curatedTrips(reg.trips);
    const ids = new Set(all.map((c) => c.id));
    for (const t of reg.trips)
      expect(ids.has(t.id)).toBe(t.presence !== 'airspace' && t.outcome !== 'unknown');
    expect(all.find((c) => c.id === 'PUT-2024-09-02-MN')).toMatchObject({
      status: 'completed',
      outcome: 'not_arrested',
      start: '2024-09-02',
      end: '2024-09-03',
    });
  });

  it('lists every curated trip, confirmed, with no news about it yet', () => {
    const trips = mergeTrips([], putins);
    expect(trips).toHaveLength(putins.length);
    const mn = trips.find((t) => t.id === 'PUT-2024-09-02-MN')!;
    expect(mn).toMatchObject({ status: 'completed', history: [], evidence: [], confidence: 1 });
    expect(outcomeOf(mn)).toBe('not_arrested');
  });

  it('joins news about a known journey to it, and leaves its status, days and city as curated', () => {
    const trips = mergeTrips(
      [
        trip('plan', '2024-08-29', { status: 'planned', start: '2024-09-03' }),
        trip('there', '2024-09-03', { start: '2024-09-05', city: 'Erdenet' }),
        // Another journey to the same state, years later: not this one.
        trip('later', '2026-05-10', { status: 'planned', start: '2026-06-01' }),
      ],
      putins,
    );
    const mn = trips.filter((t) => t.countryIso2 === 'MN');
    const known = mn.find((t) => t.id === 'PUT-2024-09-02-MN')!;
    expect(known.evidence.map((e) => [e.articleId, e.moved])).toEqual([
      ['plan', false],
      ['there', false],
    ]);
    expect(known).toMatchObject({ status: 'completed', start: '2024-09-02', city: 'Ulaanbaatar' });
    expect(mn.filter((t) => !t.curated).map((t) => [t.status, t.start])).toEqual([['planned', '2026-06-01']]);
  });
});

// The seed article lies in ../shared beside the repository (never copied here); CI has it there.
const seed = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'seed-article.txt');
if (!existsSync(seed)) console.warn(`SKIPPED: the seed-article test needs ${seed}, which is not here`);
describe.skipIf(!existsSync(seed))('the seed article', () => {
  it('joins the curated Putin -> Mongolia 2024 trip as new evidence instead of making a second trip', () => {
    const events = extract({ text: readFileSync(seed, 'utf8'), published: '2024-09-03' });
    const claims = events.map((e) => claimOf('seed', '2024-09-03', e));
    const mn = mergeTrips(claims, putins).filter((t) => t.countryIso2 === 'MN' && t.evidence.length);
    expect(mn.map((t) => t.id)).toEqual(['PUT-2024-09-02-MN']);
    expect(mn[0]!.evidence.map((e) => e.articleId)).toEqual(['seed']);
  });
});
