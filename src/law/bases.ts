/**
 * @module law/bases
 * The legal grounds on which a state must (or is urged to) arrest the person named in one
 * outstanding warrant, on one date. `groundsFor` finds them without building any text, for the
 * matrix; `describeGround` turns one into the Basis a reader sees. Every ground that applies is
 * listed; none is preferred here.
 */
import type {
  Basis,
  Declaration,
  Ground,
  IsoDate,
  Referral,
  Registry,
  Situation,
  Warrant,
} from '../model.js';
import { formatDay } from './dates.js';
import { membershipOn, type MembershipOnDate } from './membership.js';
import { firstOutstanding } from './warrant-status.js';

const later = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/** A ground that applies, with the record it rests on. */
export type GroundFact = { warrant: Warrant; iso2: string; since: IsoDate } & (
  | { ground: 'rome_statute_party'; effect: 'binds'; partySince: IsoDate }
  | { ground: 'art_12_3'; effect: 'binds'; declaration: Declaration }
  | { ground: 'art_127_2_continuing'; effect: 'binds'; effective: IsoDate; situation: Situation }
  | { ground: 'unsc_referral'; effect: 'binds' | 'urges'; referral: Referral }
);

/**
 * What the grounds depend on for one date, computed once: each state's membership and, per
 * situation, the declarations and referrals in force. The matrix asks thousands of questions per date.
 */
export interface LegalDay {
  date: IsoDate;
  membership(iso2: string): MembershipOnDate;
  declarations(situation: string): readonly Declaration[];
  referrals(situation: string): readonly Referral[];
}

const none: readonly never[] = [];

export function legalDay(reg: Registry, date: IsoDate): LegalDay {
  const memberships = new Map<string, MembershipOnDate>();
  const declarations = new Map<string, Declaration[]>();
  for (const d of reg.declarations)
    if (d.accepted && d.lodged <= date)
      for (const s of d.situations) declarations.set(s, [...(declarations.get(s) ?? []), d]);
  const referrals = new Map<string, Referral[]>();
  for (const r of reg.referrals)
    if (r.adopted <= date) referrals.set(r.situation, [...(referrals.get(r.situation) ?? []), r]);
  return {
    date,
    membership(iso2) {
      let m = memberships.get(iso2);
      if (!m) memberships.set(iso2, (m = membershipOn(reg.memberships.get(iso2), date)));
      return m;
    },
    declarations: (situation) => declarations.get(situation) ?? none,
    referrals: (situation) => referrals.get(situation) ?? none,
  };
}

/** Grounds for `iso2` to arrest on `day` under warrant `w`, which must be outstanding that day. */
export function groundsFor(reg: Registry, w: Warrant, iso2: string, day: LegalDay): GroundFact[] {
  const start = firstOutstanding(w) ?? day.date;
  const membership = day.membership(iso2);
  const out: GroundFact[] = [];
  if (membership.status === 'party')
    out.push({
      warrant: w,
      iso2,
      ground: 'rome_statute_party',
      effect: 'binds',
      since: later(membership.since, start),
      partySince: membership.since,
    });
  for (const d of day.declarations(w.situation))
    if (d.iso2 === iso2)
      out.push({
        warrant: w,
        iso2,
        ground: 'art_12_3',
        effect: 'binds',
        since: later(d.lodged, start),
        declaration: d,
      });
  if (membership.status === 'withdrawn') {
    const situation = reg.situations.get(w.situation);
    if (situation && situation.investigationOpened < membership.effective)
      out.push({
        warrant: w,
        iso2,
        ground: 'art_127_2_continuing',
        effect: 'binds',
        since: later(membership.effective, start),
        effective: membership.effective,
        situation,
      });
  }
  const referrals = day.referrals(w.situation);
  let bound = out.length > 0;
  for (const r of referrals)
    if (r.binds.includes(iso2)) {
      out.push({
        warrant: w,
        iso2,
        ground: 'unsc_referral',
        effect: 'binds',
        since: later(r.adopted, start),
        referral: r,
      });
      bound = true;
    }
  if (!bound)
    for (const r of referrals)
      out.push({
        warrant: w,
        iso2,
        ground: 'unsc_referral',
        effect: 'urges',
        since: later(r.adopted, start),
        referral: r,
      });
  return out;
}

/** The ground as a reader sees it: provisions and one sentence in plain words. */
export function describeGround(reg: Registry, f: GroundFact): Basis {
  const state = reg.countryName(f.iso2);
  const basis = (ground: Ground, provisions: string[], detail: string): Basis => ({
    ground,
    effect: f.effect,
    warrantId: f.warrant.id,
    provisions,
    since: f.since,
    detail,
  });
  switch (f.ground) {
    case 'rome_statute_party':
      return basis(
        f.ground,
        ['Rome Statute art. 86', 'Rome Statute art. 89(1)'],
        `${state} has been a State Party to the Rome Statute since ${formatDay(f.partySince)}; a State Party must arrest and surrender a person named in an ICC warrant who is on its territory (arts. 86 and 89(1)).`,
      );
    case 'art_12_3':
      return basis(
        f.ground,
        ['Rome Statute art. 12(3)', 'Rome Statute Part 9'],
        `${state} lodged a declaration under art. 12(3) on ${formatDay(f.declaration.lodged)} accepting the Court's jurisdiction, which obliges it to cooperate "without any delay or exception" under Part 9.`,
      );
    case 'art_127_2_continuing':
      return basis(
        f.ground,
        ['Rome Statute art. 127(2)'],
        `${state}'s withdrawal took effect on ${formatDay(f.effective)}, but art. 127(2) keeps its duty to cooperate in investigations begun before then, and the investigation in the ${f.situation.name} opened on ${formatDay(f.situation.investigationOpened)}.`,
      );
    case 'unsc_referral': {
      const r = f.referral;
      if (f.effect === 'binds')
        return basis(
          f.ground,
          [r.resolution, 'UN Charter art. 25'],
          `Security Council resolution ${r.resolution}, adopted under Chapter VII on ${formatDay(r.adopted)}, decides that ${state} shall cooperate fully with the Court.`,
        );
      const situation = reg.situations.get(r.situation)?.name ?? r.situation;
      return basis(
        f.ground,
        [r.resolution],
        `${state} is not a party to the Rome Statute; Security Council resolution ${r.resolution}, which referred the ${situation} to the Court, only urges states other than ${r.binds.map(reg.countryName).join(', ')} to cooperate.`,
      );
    }
  }
}
