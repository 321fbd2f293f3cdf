import { describe, expect, it } from 'vitest';
import type { CaveatCode, Duty } from '../model.js';
import { loadRegistry, type IsoDate } from '../registry/index.js';
import { dutyToArrest, type DutyOptions } from './duty.js';

const reg = loadRegistry();
const duty = (subject: string, iso2: string, date: string, options?: DutyOptions) =>
  dutyToArrest(reg, subject, iso2, date as IsoDate, options);
const grounds = (d: Duty) => [...new Set(d.basis.map((b) => b.ground))].sort();
const caveats = (d: Duty): CaveatCode[] => d.caveats.map((c) => c.code);

describe('States Parties must arrest (arts. 86, 89(1))', () => {
  it('Mongolia, Putin, 3 September 2024: binding, and the immunity claim is flagged', () => {
    const d = duty('putin-vladimir', 'MN', '2024-09-03');
    expect(d.kind).toBe('binding');
    expect(grounds(d)).toEqual(['rome_statute_party']);
    expect(d.basis[0]?.provisions).toEqual(['Rome Statute art. 86', 'Rome Statute art. 89(1)']);
    expect(d.basis[0]?.since).toBe('2023-03-17');
    expect(caveats(d)).toContain('immunity_claim_rejected');
    expect(d.explanation).toMatch(/^On 3 September 2024, Mongolia must arrest Vladimir Putin/);
  });

  it('South Africa, al-Bashir, June 2015: binding although his own state is not a party', () => {
    const d = duty('al-bashir-omar', 'ZA', '2015-06-14');
    expect(d.kind).toBe('binding');
    expect(grounds(d)).toEqual(['rome_statute_party']);
    expect(caveats(d)).toContain('immunity_claim_rejected');
  });

  it('South Africa, early 2017: a withdrawal notice was running, the duty stood', () => {
    const d = duty('al-bashir-omar', 'ZA', '2017-02-01');
    expect(d.kind).toBe('binding');
    expect(caveats(d)).toContain('withdrawal_pending');
    expect(d.caveats.find((c) => c.code === 'withdrawal_pending')?.text).toMatch(/revoked on 7 March 2017/);
    expect(caveats(duty('al-bashir-omar', 'ZA', '2017-10-20'))).not.toContain('withdrawal_pending');
  });

  it('Jordan, 29 March 2017: binding; the immunity caveat cites the later Appeals judgment', () => {
    const d = duty('al-bashir-omar', 'JO', '2017-03-29');
    expect(d.kind).toBe('binding');
    expect(d.caveats.find((c) => c.code === 'immunity_claim_rejected')?.text).toMatch(
      /Appeals Chamber confirmed on 6 May 2019/,
    );
  });

  it('Hungary, Netanyahu, April 2025: withdrawal announced but not notified, duty binding', () => {
    const d = duty('netanyahu-benjamin', 'HU', '2025-04-03');
    expect(d.kind).toBe('binding');
    expect(caveats(d)).toContain('withdrawal_announced');
    expect(caveats(d)).toContain('immunity_claim_rejected');
  });

  it('Hungary after notifying (June 2025) and after revoking (June 2026): still binding', () => {
    expect(caveats(duty('netanyahu-benjamin', 'HU', '2025-09-01'))).toContain('withdrawal_pending');
    const after = duty('netanyahu-benjamin', 'HU', '2026-06-03');
    expect(after.kind).toBe('binding');
    expect(caveats(after)).not.toContain('withdrawal_pending');
  });
});

describe('withdrawal (arts. 127(1) and 127(2))', () => {
  it('Burundi: a party the day before its withdrawal took effect', () => {
    expect(duty('al-bashir-omar', 'BI', '2017-10-26')).toMatchObject({ kind: 'binding' });
    expect(grounds(duty('al-bashir-omar', 'BI', '2017-10-26'))).toEqual(['rome_statute_party']);
  });

  it('Burundi after 27 October 2017: only art. 127(2) keeps the duty for the Darfur investigation, flagged untested', () => {
    const d = duty('al-bashir-omar', 'BI', '2018-01-10');
    expect(d.kind).toBe('binding');
    expect(grounds(d)).toEqual(['art_127_2_continuing']);
    expect(caveats(d)).toContain('art_127_2_untested');
  });

  it('Burundi after 2017, Putin: the Ukraine investigation began after the withdrawal, no duty', () => {
    expect(duty('putin-vladimir', 'BI', '2024-01-01').kind).toBe('none');
  });

  it('the Philippines, Duterte, 11 March 2025: no duty (it arrested him anyway); art. 127(2) flagged as contested', () => {
    const d = duty('duterte-rodrigo', 'PH', '2025-03-11');
    expect(d.kind).toBe('none');
    expect(d.basis).toEqual([]);
    expect(caveats(d)).toContain('art_127_2_contested');
    expect(d.explanation).toMatch(/withdrawal from the Rome Statute took effect on 17 March 2019/);
  });
});

describe('art. 12(3) declarations', () => {
  it('Ukraine before 2025 is bound through its 2015 declaration; from 1 January 2025 as a party', () => {
    const before = duty('putin-vladimir', 'UA', '2024-12-31');
    expect(before.kind).toBe('binding');
    expect(grounds(before)).toEqual(['art_12_3']);
    expect(caveats(before)).toContain('declaration_scope');
    const after = duty('putin-vladimir', 'UA', '2025-01-01');
    expect(grounds(after)).toEqual(['art_12_3', 'rome_statute_party']);
  });

  it('a declaration binds only for the situation it founded', () => {
    // Ukraine's declaration says nothing about Darfur and Ukraine was not a party in 2015:
    // resolution 1593 only urges it.
    expect(duty('al-bashir-omar', 'UA', '2015-10-01').kind).toBe('urged');
  });
});

describe('UN Security Council referrals', () => {
  it('Sudan is bound by resolution 1593 for the Darfur warrants', () => {
    const d = duty('al-bashir-omar', 'SD', '2015-01-01');
    expect(d.kind).toBe('binding');
    expect(d.basis[0]).toMatchObject({
      ground: 'unsc_referral',
      effect: 'binds',
      provisions: ['S/RES/1593 (2005)', 'UN Charter art. 25'],
    });
  });

  it('other non-parties are only urged (Egypt, March 2009)', () => {
    const d = duty('al-bashir-omar', 'EG', '2009-03-25');
    expect(d.kind).toBe('urged');
    expect(d.basis).toEqual([expect.objectContaining({ ground: 'unsc_referral', effect: 'urges' })]);
  });

  it('a non-party outside any referral has no duty (China, Putin, October 2023)', () => {
    expect(duty('putin-vladimir', 'CN', '2023-10-17')).toMatchObject({ kind: 'none', basis: [] });
  });

  it('Libya is bound twice over for a Libya warrant in 2025: resolution 1970 and its declaration', () => {
    const d = duty('elmasry-njeem-osama', 'LY', '2025-06-01');
    expect(d.kind).toBe('binding');
    expect(grounds(d)).toEqual(['art_12_3', 'unsc_referral']);
  });
});

describe('the life of a warrant', () => {
  it('binds from its issue, not before', () => {
    const d = duty('putin-vladimir', 'MN', '2023-03-16');
    expect(d.kind).toBe('none');
    expect(d.explanation).toMatch(/issued only on 17 March 2023/);
    expect(duty('putin-vladimir', 'MN', '2023-03-17').kind).toBe('binding');
  });

  it('a sealed warrant binds from issue, with a caveat until it is public (Ag Ghaly)', () => {
    const d = duty('ag-ghaly-iyad', 'FR', '2020-01-01');
    expect(d.kind).toBe('binding');
    expect(caveats(d)).toContain('warrant_sealed');
    expect(caveats(duty('ag-ghaly-iyad', 'FR', '2024-07-01'))).not.toContain('warrant_sealed');
  });

  it('a withdrawn warrant binds no longer (Deif, withdrawn 26 February 2025)', () => {
    expect(duty('deif-mohammed', 'FR', '2025-01-01').kind).toBe('binding');
    const d = duty('deif-mohammed', 'FR', '2025-03-01');
    expect(d.kind).toBe('none');
    expect(d.warrants[0]?.status).toBe('withdrawn');
  });

  it('a deceased subject is sought no longer (Muammar Gaddafi, died 20 October 2011)', () => {
    expect(duty('gaddafi-muammar', 'FR', '2011-09-01').kind).toBe('binding');
    expect(duty('gaddafi-muammar', 'FR', '2011-11-01')).toMatchObject({ kind: 'none' });
  });

  it('a person held by a state is still sought; the duty is to surrender (Almasri in Turin)', () => {
    const d = duty('elmasry-njeem-osama', 'IT', '2025-01-20');
    expect(d.kind).toBe('binding');
    expect(caveats(d)).toContain('subject_in_national_custody');
  });

  it('surrender to the Court ends the duty after the day of surrender (Duterte, 12 March 2025)', () => {
    expect(duty('duterte-rodrigo', 'NL', '2025-03-11').kind).toBe('binding');
    expect(duty('duterte-rodrigo', 'NL', '2025-03-12').kind).toBe('binding');
    expect(duty('duterte-rodrigo', 'NL', '2025-03-13').kind).toBe('none');
  });

  it('an application is not a warrant (Min Aung Hlaing)', () => {
    const d = duty('min-aung-hlaing', 'BD', '2025-06-01');
    expect(d.kind).toBe('none');
    expect(caveats(d)).toContain('application_only');
  });
});

describe('overflight', () => {
  it("crossing a party's airspace keeps the duty but flags it unsettled (Greece, September 2025)", () => {
    const d = duty('netanyahu-benjamin', 'GR', '2025-09-25', { presence: 'airspace' });
    expect(d.kind).toBe('binding');
    expect(caveats(d)).toContain('overflight_unsettled');
  });
});

it('rejects an unknown subject id', () => {
  expect(() => duty('nobody', 'MN', '2024-09-03')).toThrow(/unknown subject id nobody/);
});
