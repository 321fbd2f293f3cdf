import { describe, expect, it } from 'vitest';
import type { ExtractedEvent } from '../../model.js';
import type { LabelledCase, LabelledEvent } from './cases.js';
import { fromExtracted, type SubjectNames } from './events.js';
import { scoreCases } from './score.js';

const names: SubjectNames = {
  idOf: (name) => ({ 'Ann Example': 'example-ann', 'Bob Sample': 'sample-bob' })[name],
  nameOf: (id) => ({ 'example-ann': 'Ann Example', 'sample-bob': 'Bob Sample' })[id] ?? id,
};

const gold = (e: Partial<LabelledEvent>): LabelledEvent => ({
  type: 'trip',
  subject: 'Ann Example',
  country_iso2: 'FR',
  city: '',
  start: '',
  end: '',
  status: 'planned',
  ...e,
});

const pred = (e: Partial<ExtractedEvent>) =>
  fromExtracted({
    type: 'trip',
    subjectId: 'example-ann',
    countryIso2: 'FR',
    city: null,
    start: null,
    end: null,
    status: 'planned',
    confidence: 0.9,
    evidence: [{ start: 0, end: 10, text: 'Ann will go' }],
    ...e,
  });

const kase = (id: string, expected: LabelledEvent[], notes = ''): LabelledCase => ({
  id,
  line: 1,
  published: '2031-01-10',
  text: `text of ${id}`,
  expected,
  notes,
});

describe('scoreCases', () => {
  it('counts a trip for the headline only when subject, country and status agree', () => {
    const r = scoreCases(
      [kase('a', [gold({}), gold({ country_iso2: 'DE', status: 'completed' })])],
      [[pred({}), pred({ countryIso2: 'DE', status: 'under_way' })]],
      names,
    );
    expect(r.strict.trip).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(r.strict.tripLoose).toMatchObject({ tp: 2, fp: 0, fn: 0, f1: 1 });
    expect(r.strict.byStatus.planned).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(r.strict.byStatus.completed).toMatchObject({ tp: 0, fn: 1, recall: 0 });
    expect(r.strict.byStatus.under_way).toMatchObject({ fp: 1, precision: 0 });
    expect(r.strict.byStatus.remote).toMatchObject({ precision: null, recall: null, f1: null });
    expect(r.strict.misses).toEqual([
      expect.objectContaining({
        case: 'a',
        event: expect.objectContaining({ subject: 'Ann Example', country_iso2: 'DE', status: 'completed' }),
        predicted: expect.objectContaining({ status: 'under_way' }),
        evidence: 'Ann will go',
      }),
    ]);
    expect(r.strict.falseAlarms).toEqual([
      expect.objectContaining({ case: 'a', event: expect.objectContaining({ status: 'under_way' }) }),
    ]);
  });

  it('matches other event types on type, subject and country, and scores each type', () => {
    const r = scoreCases(
      [
        kase('b', [
          gold({ type: 'warrant_issued', country_iso2: '', status: 'completed' }),
          gold({ type: 'call_to_arrest', subject: 'Bob Sample', status: 'completed' }),
        ]),
      ],
      [
        [
          pred({ type: 'warrant_issued', countryIso2: null, status: 'completed' }),
          pred({ type: 'call_to_arrest', subjectId: 'sample-bob', countryIso2: 'DE', status: 'completed' }),
        ],
      ],
      names,
    );
    expect(r.strict.byType.warrant_issued).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(r.strict.byType.call_to_arrest).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(r.strict.misses.map((m) => [m.event.type, m.evidence])).toEqual([['call_to_arrest', 'text of b']]);
    expect(r.strict.trip.f1).toBeNull();
  });

  it('pairs two trips to one country by status and city', () => {
    const r = scoreCases(
      [
        kase('c', [
          gold({ country_iso2: 'US', city: 'New York', status: 'under_way' }),
          gold({ country_iso2: 'US', city: 'Washington', status: 'planned', start: '2031-01-12' }),
        ]),
      ],
      [
        [
          pred({ countryIso2: 'US', city: 'Washington', status: 'planned', start: '2031-01-13' }),
          pred({ countryIso2: 'US', city: 'New York', status: 'under_way' }),
        ],
      ],
      names,
    );
    expect(r.strict.trip.f1).toBe(1);
    expect(r.strict.fields.city).toEqual({ n: 2, agree: 2, rate: 1 });
    expect(r.strict.startDate).toEqual({ n: 1, agree: 1, rate: 1 }); // one day off counts
    expect(r.strict.fields.start.agree).toBe(1); // exact agreement does not
  });

  it('counts a start more than one day off, or missing, as wrong', () => {
    const r = scoreCases(
      [kase('d', [gold({ start: '2031-01-12' }), gold({ country_iso2: 'DE', start: '2031-01-12' })])],
      [[pred({ start: '2031-01-14' }), pred({ countryIso2: 'DE' })]],
      names,
    );
    expect(r.strict.startDate).toEqual({ n: 2, agree: 0, rate: 0 });
  });

  it('applies the lenient alternatives of the notes only to the lenient scores', () => {
    const notes =
      'Second leg day unknown (lenient: 2031-01-15). The old visit is a completed trip -- lenient: a scorer may ignore it. ' +
      'A plea to nobody -> not a call_to_arrest (lenient).';
    const r = scoreCases(
      [kase('e', [gold({ start: '2031-01-12' }), gold({ country_iso2: 'IT', status: 'completed' })], notes)],
      [
        [
          pred({ start: '2031-01-15' }),
          pred({ type: 'call_to_arrest', subjectId: 'example-ann', countryIso2: 'IT', status: 'completed' }),
        ],
      ],
      names,
    );
    expect(r.strict.trip).toMatchObject({ tp: 1, fn: 1 });
    expect(r.lenient.trip).toMatchObject({ tp: 1, fn: 0, f1: 1 });
    expect(r.strict.startDate.rate).toBe(0);
    expect(r.lenient.startDate.rate).toBe(1);
    expect(r.strict.byType.call_to_arrest.fp).toBe(1);
    expect(r.lenient.byType.call_to_arrest.fp).toBe(0);
    expect(r.lenient.falseAlarms).toEqual([]);
    expect(r.unreadLenient).toEqual([]);
  });

  it('fails on a subject the registry does not know, naming the line and the field', () => {
    expect(() => scoreCases([kase('f', [gold({ subject: 'Nobody' })])], [[]], names)).toThrow(
      'line 1, field expected.0.subject: unknown subject "Nobody"',
    );
  });
});
