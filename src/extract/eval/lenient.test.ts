import { describe, expect, it } from 'vitest';
import { noteSentences, parseLeniency } from './lenient.js';

const rules = (notes: string) => parseLeniency(notes).rules.map(({ sentence: _, ...r }) => r);

describe('parseLeniency', () => {
  it('reads an alternative date, defaulting to the start', () => {
    expect(rules('The second leg has no day yet -> planned (lenient: 2031-02-03).')).toEqual([
      { kind: 'alternative', field: 'start', value: '2031-02-03' },
    ]);
  });

  it('takes the field named between "lenient" and the date', () => {
    expect(rules('Invited to the gala (lenient start 2031-02-03).')).toEqual([
      { kind: 'alternative', field: 'start', value: '2031-02-03' },
    ]);
  });

  it('takes the field named earlier in the same clause', () => {
    expect(
      rules(
        'Arrived -> start 2031-02-01; left on an unknown day (press: Feb. 4) -> end blank, lenient 2031-02-04.',
      ),
    ).toEqual([{ kind: 'alternative', field: 'end', value: '2031-02-04' }]);
  });

  it('reads "accept X as a lenient alternative" as a city, a status or a date', () => {
    expect(rules('The venue is in Smallville -- accept Metropolis as a lenient alternative.')).toEqual([
      { kind: 'alternative', field: 'city', value: 'Metropolis' },
    ]);
    expect(rules('Hard to tell; accept planned as a lenient alternative.')).toEqual([
      { kind: 'alternative', field: 'status', value: 'planned' },
    ]);
  });

  it('reads an event a scorer may ignore, with the types and statuses it names', () => {
    expect(rules('An old visit is a completed trip (year only) -- lenient: a scorer may ignore it.')).toEqual(
      [{ kind: 'optional', types: ['trip'], statuses: ['completed'] }],
    );
  });

  it('reads an event type a scorer may accept as an extra', () => {
    expect(
      rules(
        'A general plea, addressed to no state, not stated as a demand -> not a call_to_arrest (lenient).',
      ),
    ).toEqual([{ kind: 'extra_allowed', type: 'call_to_arrest' }]);
  });

  it('returns sentences it cannot read, and ignores notes without leniency', () => {
    expect(parseLeniency('Dates from the URL. Something lenient here.')).toEqual({
      rules: [],
      unparsed: ['Something lenient here.'],
    });
  });

  it('does not end a sentence at an abbreviated month', () => {
    expect(noteSentences('Met on Jan. 19 in town. Left later.')).toEqual([
      'Met on Jan. 19 in town.',
      'Left later.',
    ]);
  });
});
