import { describe, expect, it } from 'vitest';
import { isCurrent } from './current.js';
import type { TripRecord } from './types.js';

const trip = (over: Partial<TripRecord>): TripRecord =>
  ({
    id: 't',
    subjectId: 'putin-vladimir',
    countryIso2: 'MN',
    city: null,
    start: null,
    end: null,
    status: 'planned',
    history: [],
    evidence: [],
    firstReported: '2026-12-01T08:00:00.000Z',
    ...over,
  }) as TripRecord;

const today = '2026-12-04';

describe('isCurrent', () => {
  it('keeps a plan until the day after its day, and a stay until it ends', () => {
    expect(isCurrent(trip({ start: '2026-12-10' }), today)).toBe(true);
    expect(isCurrent(trip({ start: '2026-12-03' }), today)).toBe(true);
    expect(isCurrent(trip({ start: '2026-12-02' }), today)).toBe(false);
    expect(isCurrent(trip({ status: 'under_way', start: '2026-12-01', end: '2026-12-05' }), today)).toBe(
      true,
    );
    expect(isCurrent(trip({ status: 'under_way', start: '2026-11-01', end: '2026-11-03' }), today)).toBe(
      false,
    );
  });

  it('lets a stay told without its end last a tour, and a trip without any day a month of news', () => {
    expect(isCurrent(trip({ status: 'under_way', start: '2026-11-25' }), today)).toBe(true);
    expect(isCurrent(trip({ status: 'under_way', start: '2017-07-17' }), today)).toBe(false);
    expect(isCurrent(trip({ firstReported: '2026-11-20T00:00:00.000Z' }), today)).toBe(true);
    expect(isCurrent(trip({ firstReported: '2025-04-06T00:00:00.000Z' }), today)).toBe(false);
  });

  it('never counts a trip that is over, cancelled or attended by video', () => {
    for (const status of ['completed', 'cancelled', 'remote'] as const)
      expect(isCurrent(trip({ status, start: '2026-12-10' }), today)).toBe(false);
  });
});
