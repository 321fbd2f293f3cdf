import { describe, expect, it } from 'vitest';
import { CaseFileError, parseCases } from './cases.js';

const good = {
  id: 'case-1',
  published: '2030-05-01',
  text: 'The minister flew to Atlantis on Monday.',
  expected: [
    {
      type: 'trip',
      subject: 'A Person',
      country_iso2: 'FR',
      city: '',
      start: '',
      end: '',
      status: 'planned',
    },
  ],
  notes: '',
};
const line = (v: unknown) => JSON.stringify(v);

function failure(text: string): CaseFileError {
  try {
    parseCases(text);
  } catch (e) {
    if (e instanceof CaseFileError) return e;
    throw e;
  }
  throw new Error('expected a CaseFileError');
}

describe('parseCases', () => {
  it('reads one case per line, skips blank lines and keeps the line number', () => {
    const cases = parseCases(`\n${line(good)}\n\n${line({ ...good, id: 'case-2' })}\n`);
    expect(cases.map((c) => [c.id, c.line])).toEqual([
      ['case-1', 2],
      ['case-2', 4],
    ]);
  });

  it('names the line of a line that is not JSON', () => {
    const e = failure(`${line(good)}\n{"id": `);
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/^line 2: not JSON/);
  });

  it('names the line and the field of a schema error', () => {
    const bad = { ...good, expected: [{ ...good.expected[0], status: 'maybe' }] };
    const e = failure(line(bad));
    expect([e.line, e.field]).toEqual([1, 'expected.0.status']);
  });

  it('rejects a date that is neither YYYY-MM-DD nor blank', () => {
    expect(failure(line({ ...good, published: '1 May 2030' })).field).toBe('published');
  });

  it('rejects a duplicate id', () => {
    expect(failure(`${line(good)}\n${line(good)}`).message).toBe('line 2, field id: duplicate id case-1');
  });
});
