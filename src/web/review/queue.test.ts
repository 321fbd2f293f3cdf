import { describe, expect, it } from 'vitest';
import type { TripEvidence, TripRecord } from '../../events/index.js';
import type { Comment } from '../../store/index.js';
import { reviewQueue, sourceCount } from './queue.js';

const evidence = (articleId: string, clusterId = articleId): TripEvidence => ({
  articleId,
  clusterId,
  url: `https://news.example/${articleId}`,
  published: '2026-11-01',
  status: 'planned',
  start: null,
  end: null,
  city: null,
  confidence: 0.8,
  quote: 'q',
  moved: true,
});

function trip(id: string, more: Partial<TripRecord> = {}): TripRecord {
  return {
    id,
    subjectId: 'putin-vladimir',
    countryIso2: 'MN',
    city: null,
    start: '2026-12-10',
    end: null,
    status: 'planned',
    history: [],
    evidence: [evidence(`${id}-1`), evidence(`${id}-2`)],
    contradictions: [],
    confidence: 0.8,
    firstReported: '2026-11-01',
    arrest: null,
    review: null,
    curated: null,
    ...more,
  };
}

const correction = (tripId: string): Comment => ({
  id: `c-${tripId}`,
  target: `trip:${tripId}`,
  kind: 'correction',
  name: 'R',
  body: 'wrong',
  state: 'published',
  createdAt: '2026-12-01T00:00:00Z',
  reviewState: 'open',
});

const ids = (trips: TripRecord[], corrections: Comment[] = [], state: 'open' | 'all' = 'open') =>
  reviewQueue(trips, corrections, { state }, (id) => `trip:${id}`).map((e) => e.trip.id);

describe('the review queue', () => {
  it('puts live trips first, then a correction, fewer sources, disagreement, lower confidence, sooner', () => {
    const trips = [
      trip('done', { status: 'completed', evidence: [evidence('x')], confidence: 0.1 }),
      trip('sure'),
      trip('later', { start: '2027-01-01' }),
      trip('doubtful', { confidence: 0.75 }),
      trip('disputed', { contradictions: [{ field: 'city', values: [] }] }),
      trip('lone', { evidence: [evidence('y')] }),
      trip('told', { status: 'under_way' }),
    ];
    expect(ids(trips, [correction('told')])).toEqual([
      'told',
      'lone',
      'disputed',
      'doubtful',
      'sure',
      'later',
      'done',
    ]);
  });

  it('waits for decided or curated trips only when a correction is open, never for superseded ones', () => {
    const mark = { reviewId: 'r', by: 'user:1', at: '2026-12-01T00:00:00Z' };
    const trips = [
      trip('fresh'),
      trip('confirmed', { review: { state: 'confirmed', ...mark } }),
      trip('curated', { curated: { id: 'PUT-X', outcome: 'unknown', sources: ['https://a', 'https://b'] } }),
      trip('rejected', { review: { state: 'rejected', ...mark } }),
    ];
    expect(ids(trips)).toEqual(['fresh']);
    expect(ids(trips, ['confirmed', 'curated', 'rejected'].map(correction))).toEqual([
      'confirmed',
      'curated',
      'fresh',
    ]);
    expect(ids(trips, [], 'all')).toHaveLength(4);
  });

  it('counts copies in one near-duplicate cluster once', () => {
    expect(
      sourceCount(trip('t', { evidence: [evidence('a', 'k'), evidence('b', 'k'), evidence('c')] })),
    ).toBe(2);
  });
});
