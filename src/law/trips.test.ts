/**
 * Every documented trip in data/registry/trips.yaml is a case for the engine. The rule for each
 * class of host, as the law stands (DESIGN.md, "The law, in short"):
 *   1. a State Party that day must arrest: binding, on the ground rome_statute_party;
 *   2. a non-party named by the Security Council resolution that referred the subject's situation
 *      (Sudan under 1593, Libya under 1970) must arrest: binding, unsc_referral;
 *   3. a non-party with an art. 12(3) declaration for the subject's situation must arrest: binding, art_12_3;
 *   4. any other non-party is urged where a Security Council referral covers the situation, else has no duty.
 * The engine must also agree with each record's own statement of whether the host was a party.
 */
import { describe, expect, it } from 'vitest';
import type { Trip } from '../model.js';
import { loadRegistry, type IsoDate } from '../registry/index.js';
import { dutyToArrest } from './duty.js';
import { membershipOn } from './membership.js';

const reg = loadRegistry();

/** The day to ask about: arrival, else the first of the recorded month. */
function tripDay(t: Trip): IsoDate {
  const day = t.start ?? (t.month ? `${t.month}-01` : undefined);
  if (!day) throw new Error(`${t.id} has neither a start date nor a month`);
  return day as IsoDate;
}

function expectedKind(t: Trip, date: IsoDate): { kind: string; ground?: string } {
  if (membershipOn(reg.memberships.get(t.country), date).status === 'party')
    return { kind: 'binding', ground: 'rome_statute_party' };
  const situations = (reg.warrantsBySubject.get(t.subject) ?? []).map((w) => w.situation);
  const referrals = reg.referrals.filter((r) => situations.includes(r.situation) && r.adopted <= date);
  if (referrals.some((r) => r.binds.includes(t.country))) return { kind: 'binding', ground: 'unsc_referral' };
  const declared = reg.declarations.some(
    (d) =>
      d.iso2 === t.country &&
      d.accepted &&
      d.lodged <= date &&
      d.situations.some((s) => situations.includes(s)),
  );
  if (declared) return { kind: 'binding', ground: 'art_12_3' };
  return { kind: referrals.length ? 'urged' : 'none' };
}

describe('documented trips', () => {
  it('there are trips to check', () => {
    expect(reg.trips.length).toBeGreaterThanOrEqual(59);
  });

  it.each(reg.trips.map((t) => [t.id, t] as const))('%s', (_id, t) => {
    const date = tripDay(t);
    const duty = dutyToArrest(reg, t.subject, t.country, date, {
      presence: t.presence === 'airspace' ? 'airspace' : 'territory',
    });
    const party = membershipOn(reg.memberships.get(t.country), date).status === 'party';
    expect(party, 'the record and the engine disagree on whether the host was a party').toBe(
      t.hostWasStateParty,
    );
    const expected = expectedKind(t, date);
    expect(duty.kind).toBe(expected.kind);
    if (expected.ground) expect(duty.basis.map((b) => b.ground)).toContain(expected.ground);
    if (t.presence === 'airspace') expect(duty.caveats.map((c) => c.code)).toContain('overflight_unsettled');
  });
});
