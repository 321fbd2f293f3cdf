import { describe, expect, it } from 'vitest';
import type { TripRecord } from '../../events/index.js';
import { decisionOf } from './forms.js';

const trip = {
  status: 'planned',
  start: '2026-12-20',
  end: '2026-12-21',
  city: 'Brasília',
} as TripRecord;
const form = { status: 'planned', start: '2026-12-20', end: '2026-12-21', city: 'Brasília' };

describe('the edit form', () => {
  it('sets the fields that differ from the trip, and clears an emptied one', () => {
    expect(decisionOf('edit', trip, { ...form, city: ' ', end: '', status: 'completed', why: ' ' })).toEqual({
      input: { kind: 'edit', set: { city: null, end: null, status: 'completed' } },
      why: null,
    });
  });

  it('refuses a form that changes nothing, a day that is none, and days the wrong way round', () => {
    expect(() => decisionOf('edit', trip, form)).toThrow(/Nothing to change/);
    expect(() => decisionOf('edit', trip, { ...form, start: '2026-02-30' })).toThrow();
    expect(() => decisionOf('edit', trip, { ...form, start: '2026-12-22' })).toThrow(/after the last day/);
    expect(() => decisionOf('edit', trip, { ...form, status: 'gone' })).toThrow();
  });
});

describe('the split and merge forms', () => {
  it('take one ticked article or many, and the trip to merge into', () => {
    expect(decisionOf('split', trip, { articles: 'a3' }).input).toEqual({
      kind: 'split',
      articleIds: ['a3'],
    });
    expect(decisionOf('split', trip, { articles: ['a3', 'a4', 'a3'] }).input).toEqual({
      kind: 'split',
      articleIds: ['a3', 'a4'],
    });
    expect(() => decisionOf('split', trip, {})).toThrow(/Tick the articles/);
    expect(decisionOf('merge', trip, { into: ' t2 ', why: 'same' })).toEqual({
      input: { kind: 'merge', into: 't2' },
      why: 'same',
    });
  });
});
