import { describe, expect, it } from 'vitest';
import { loadRegistry, type IsoDate } from '../registry/index.js';
import { dutyToArrest } from './duty.js';
import { eachDay } from './dates.js';
import { computeMatrix, dutyMatrix } from './matrix.js';
import { membershipOn } from './membership.js';
import { isOutstandingOn } from './warrant-status.js';

const reg = loadRegistry();
const dates = [
  '2009-03-25',
  '2015-06-14',
  '2017-11-01',
  '2024-09-03',
  '2025-04-03',
  '2026-11-27',
] as IsoDate[];

describe('dutyMatrix', () => {
  it('gives for each day what computing it afresh gives, whatever days were asked before', () => {
    const days = eachDay('2024-08-25', '2024-09-12');
    for (const d of [...days, ...days.reverse()]) expect(dutyMatrix(reg, d)).toEqual(computeMatrix(reg, d));
  });

  it('on 3 September 2024 binds Putin in the 124 parties of that day and in Ukraine (art. 12(3))', () => {
    const m = dutyMatrix(reg, '2024-09-03' as IsoDate);
    const putin = m.entries.filter((e) => e.subjectId === 'putin-vladimir');
    const parties = [...reg.memberships.values()].filter(
      (x) => membershipOn(x, '2024-09-03').status === 'party',
    );
    expect(parties).toHaveLength(124);
    expect(putin).toHaveLength(125);
    expect(putin.find((e) => e.iso2 === 'UA')?.grounds).toEqual(['art_12_3']);
    expect(putin.find((e) => e.iso2 === 'RU')).toBeUndefined();
  });

  it.each(dates)('agrees with dutyToArrest for every subject and state on %s', (date) => {
    const matrix = dutyMatrix(reg, date);
    const inMatrix = new Set(matrix.entries.map((e) => `${e.subjectId} ${e.iso2}`));
    const wanted = new Set(reg.warrants.filter((w) => isOutstandingOn(w, date)).map((w) => w.subject));
    const binding = new Set<string>();
    for (const subjectId of wanted)
      for (const country of reg.countries)
        if (dutyToArrest(reg, subjectId, country.iso2, date).kind === 'binding')
          binding.add(`${subjectId} ${country.iso2}`);
    expect([...inMatrix].sort()).toEqual([...binding].sort());
  });
});
