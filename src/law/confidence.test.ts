/** An answer that rests on a fact the registry does not mark verified says so, naming the fact and its mark. */
import { describe, expect, it } from 'vitest';
import type { Duty } from '../model.js';
import { loadRegistry, type IsoDate } from '../registry/index.js';
import { dutyToArrest } from './duty.js';

const reg = loadRegistry();
const unverified = (d: Duty) => d.caveats.filter((c) => c.code === 'unverified_fact').map((c) => c.text);
const duty = (subject: string, iso2: string, date: string) =>
  dutyToArrest(reg, subject, iso2, date as IsoDate);

describe('caveats on facts not verified', () => {
  it('Hungary after 2 June 2026 is a party only by its revocation, which rests on secondary reports', () => {
    const d = duty('netanyahu-benjamin', 'HU', '2026-07-01');
    expect(d.kind).toBe('binding');
    expect(unverified(d)).toEqual([
      "This answer rests on Hungary's revocation of its withdrawal notice (29 May 2026), which the registry marks single_source (one secondary source only, no primary text seen).",
    ]);
    expect(reg.memberships.get('HU')?.factConfidence?.revoked).toBe('single_source');
  });

  it('a fact not yet in play, or one verified, adds nothing', () => {
    expect(unverified(duty('putin-vladimir', 'HU', '2024-09-03'))).toEqual([]);
    expect(unverified(duty('putin-vladimir', 'HU', '2026-06-01'))).toEqual([]);
    expect(unverified(duty('putin-vladimir', 'MN', '2024-09-03'))).toEqual([]);
    // Malawi's signature date is disputed, but no duty rests on a signature.
    expect(unverified(duty('putin-vladimir', 'MW', '2024-09-03'))).toEqual([]);
    // Burkina Faso's ratification is verified; only its 2026 notice rests on a single source.
    expect(unverified(duty('putin-vladimir', 'BF', '2024-09-03'))).toEqual([]);
    expect(unverified(duty('putin-vladimir', 'BF', '2026-07-01'))).toEqual([
      "This answer rests on Burkina Faso's notice of withdrawal (24 June 2026), which the registry marks single_source (one secondary source only, no primary text seen).",
    ]);
  });

  it("names a membership and a warrant marked below verified by the record's own mark", () => {
    const cy = duty('putin-vladimir', 'CY', '2024-09-03');
    expect(reg.memberships.get('CY')?.confidence).toBe('single_source');
    expect(unverified(cy)).toEqual([
      `This answer rests on Cyprus's entry into force (${formatted(reg.memberships.get('CY')!.entryIntoForce)}), which the registry marks single_source (one secondary source only, no primary text seen).`,
    ]);
    const recalled = reg.warrants.find(
      (w) => w.confidence === 'recall' && w.history[0]?.status === 'at_large',
    )!;
    const d = duty(recalled.subject, 'MN', recalled.history.at(-1)!.from);
    expect(
      unverified(d).some((t) =>
        t.includes(`warrant ${recalled.caseNumber ?? recalled.id}, which the registry marks recall`),
      ),
    ).toBe(true);
  });
});

function formatted(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
