import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claim } from '../testing/claims.js';
import { mergeTrips } from './merge.js';
import type { TripRecord } from './types.js';

const story = (t: TripRecord) => t.history.map((h) => `${h.status}@${h.articleId}`).join(' ');

describe('mergeTrips', () => {
  it('joins a plan and the arrival reported days later into one trip whose history shows both', () => {
    const trips = mergeTrips([
      claim('a1', '2024-08-29', 'planned', { start: '2024-09-03' }),
      claim('a2', '2024-09-02', 'under_way', { start: '2024-09-02', city: 'Ulaanbaatar' }),
    ]);
    expect(trips).toHaveLength(1);
    expect(story(trips[0]!)).toBe('planned@a1 under_way@a2');
    // The reported arrival day replaces the planned day.
    expect(trips[0]).toMatchObject({ start: '2024-09-02', city: 'Ulaanbaatar', status: 'under_way' });
  });

  it('gives the same trips whatever order the claims come in', () => {
    const claims = [
      claim('a1', '2024-08-29', 'planned', { start: '2024-09-03' }),
      claim('a2', '2024-09-02', 'under_way', { start: '2024-09-02' }),
      claim('a3', '2024-09-04', 'completed', { start: '2024-09-02', end: '2024-09-03' }),
      claim('a4', '2024-09-03', 'planned'), // a stale copy of the plan, published after the arrival
      claim('h1', '2019-09-02', 'under_way'), // an earlier journey
      claim('n1', '2024-11-22', 'none'),
      claim('w1', '2024-09-03', 'under_way', { confidence: 0.6 }),
      claim('a2', '2024-09-02', 'under_way', { countryIso2: 'CN' }), // the same article on another stop
    ];
    const expected = mergeTrips(claims);
    fc.assert(
      fc.property(fc.shuffledSubarray(claims, { minLength: claims.length }), (shuffled) => {
        expect(mergeTrips(shuffled)).toEqual(expected);
      }),
    );
  });

  it('keeps a journey years earlier, told as history, out of the current one', () => {
    const trips = mergeTrips([
      claim('old', '2024-08-30', 'completed', { start: '2019-09-02', end: '2019-09-03' }),
      claim('a1', '2024-08-30', 'planned', { start: '2024-09-03' }),
    ]);
    expect(trips.map((t) => [t.status, t.start]).sort()).toEqual([
      ['completed', '2019-09-02'],
      ['planned', '2024-09-03'],
    ]);
  });

  it('moves forward only: a stale "will visit" after the arrival is evidence, not a move', () => {
    const [trip] = mergeTrips([
      claim('a1', '2024-09-02', 'under_way'),
      claim('a2', '2024-09-03', 'planned'),
      claim('a3', '2024-09-04', 'completed'),
    ]);
    expect(story(trip!)).toBe('under_way@a1 completed@a3');
    expect(trip!.evidence.map((e) => [e.articleId, e.moved])).toEqual([
      ['a1', true],
      ['a2', false],
      ['a3', true],
    ]);
  });

  it('goes from a plan to a cancellation to a video link, and revives a cancelled trip', () => {
    expect(
      story(
        mergeTrips([
          claim('p', '2023-05-31', 'planned'),
          claim('c', '2023-07-19', 'cancelled'),
          claim('r', '2023-07-20', 'remote', { start: '2023-08-22' }),
        ])[0]!,
      ),
    ).toBe('planned@p cancelled@c remote@r');
    expect(
      story(mergeTrips([claim('c', '2023-07-19', 'cancelled'), claim('u', '2023-08-22', 'under_way')])[0]!),
    ).toBe('cancelled@c under_way@u');
  });

  it('makes no trip of an open invitation, and lets a weak claim corroborate but not start a trip', () => {
    expect(mergeTrips([claim('n', '2024-11-22', 'none')])).toEqual([]);
    expect(mergeTrips([claim('w', '2024-09-03', 'under_way', { confidence: 0.6 })])).toEqual([]);
    const [trip] = mergeTrips([
      claim('a', '2024-09-02', 'under_way'),
      claim('w', '2024-09-03', 'completed', { confidence: 0.6 }),
    ]);
    expect(trip!.status).toBe('under_way');
    expect(trip!.evidence.map((e) => e.articleId)).toEqual(['a', 'w']);
  });

  it('starts a new trip for a new plan after a journey ended', () => {
    const trips = mergeTrips([claim('a', '2024-09-02', 'completed'), claim('b', '2024-09-20', 'planned')]);
    expect(trips.map((t) => t.status)).toEqual(['completed', 'planned']);
  });

  it('shows sources that disagree, and counts copies of one text once', () => {
    const [trip] = mergeTrips([
      claim('a', '2024-09-02', 'under_way', { start: '2024-09-02', city: 'Ulaanbaatar' }),
      claim('b', '2024-09-02', 'under_way', { start: '2024-09-05', city: 'Erdenet' }),
    ]);
    expect(trip!.contradictions.map((c) => c.field)).toEqual(['start', 'city']);
    const copies = mergeTrips([
      {
        ...claim('a', '2024-09-02', 'under_way'),
        article: { id: 'a', url: 'u', published: '2024-09-02', clusterId: 'a' },
      },
      {
        ...claim('b', '2024-09-02', 'under_way'),
        article: { id: 'b', url: 'v', published: '2024-09-02', clusterId: 'a' },
      },
    ]);
    const independent = mergeTrips([
      claim('a', '2024-09-02', 'under_way'),
      claim('b', '2024-09-02', 'under_way'),
    ]);
    expect(copies[0]!.confidence).toBeLessThan(independent[0]!.confidence);
  });

  it('attaches an arrest in the host state to the trip', () => {
    const [trip] = mergeTrips([
      claim('a', '2025-03-10', 'under_way'),
      claim('b', '2025-03-11', 'completed', { type: 'arrest' }),
    ]);
    expect(trip!.arrest).toEqual({ articleId: 'b', published: '2025-03-11' });
  });

  it('ends a stay when the next stop of the same tour is reported, and only then', () => {
    const tour = mergeTrips([
      claim('kp', '2024-06-19', 'under_way', { countryIso2: 'KP', start: '2024-06-19' }),
      claim('vn', '2024-06-20', 'under_way', { countryIso2: 'VN', start: '2024-06-20' }),
    ]);
    const kp = tour.find((t) => t.countryIso2 === 'KP')!;
    expect(story(kp)).toBe('under_way@kp completed@vn');
    expect(kp.history.map((h) => h.basis)).toEqual(['reported', 'seen_elsewhere']);
    // The other state's days and city are not this stay's.
    expect(kp).toMatchObject({ start: '2024-06-19', city: null });
    // A stay last reported months before: the news never said when it ended, so it keeps its status.
    const apart = mergeTrips([
      claim('kp', '2024-06-19', 'under_way', { countryIso2: 'KP' }),
      claim('mn', '2024-09-02', 'under_way', { countryIso2: 'MN' }),
    ]);
    expect(apart.map((t) => t.status)).toEqual(['under_way', 'under_way']);
  });
});
