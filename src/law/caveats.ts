/**
 * @module law/caveats
 * What a reader must know next to a duty: facts that qualify it without changing its kind.
 */
import type { Basis, Caveat, DutyKind, IsoDate, Membership, Registry, Subject, Warrant } from '../model.js';
import type { Confidence, MembershipFact, StatusChange } from '../registry/index.js';
import { addYears, formatDay } from './dates.js';
import type { MembershipOnDate } from './membership.js';

/** Offices whose holders states have claimed immunity for (Art. 98(1) arguments). */
const IMMUNITY_OFFICES = new Set(['head_of_state', 'head_of_government', 'foreign_minister']);
/** Appeals Chamber, Jordan Referral re Al-Bashir Appeal, ICC-02/05-01/09-397. */
const JORDAN_APPEAL = '2019-05-06';

export interface CaveatInput {
  reg: Registry;
  subject: Subject;
  iso2: string;
  date: IsoDate;
  kind: DutyKind;
  membership: MembershipOnDate;
  basis: Basis[];
  /** Every warrant of the subject with its status that day (undefined: not yet issued). */
  warrants: { warrant: Warrant; status: StatusChange | undefined }[];
  presence: 'territory' | 'airspace';
}

export function officeOn(subject: Subject, date: string) {
  return subject.offices.filter((o) => (!o.from || o.from <= date) && (!o.to || date <= o.to));
}

function warrantCaveats({ warrants, date }: CaveatInput): Caveat[] {
  const out: Caveat[] = [];
  for (const { warrant: w, status } of warrants) {
    if (status?.status === 'application')
      out.push({
        code: 'application_only',
        text: `On ${formatDay(status.from)} the Prosecutor applied for a warrant; no warrant has been issued, so no state is yet asked to arrest.`,
      });
    if (
      (status?.status === 'at_large' || status?.status === 'in_custody') &&
      w.madePublic &&
      date < w.madePublic
    )
      out.push({
        code: 'warrant_sealed',
        text: `The warrant ${w.caseNumber ?? w.id} was under seal until ${formatDay(w.madePublic)}: the duty existed, but only states the Court had asked could know of it.`,
      });
    if (status?.status === 'in_custody')
      out.push({
        code: 'subject_in_national_custody',
        text: `Since ${formatDay(status.from)} the person has been held by national authorities${status.note ? ` (${status.note})` : ''}; the remaining duty is to surrender him or her to the Court.`,
      });
  }
  return out;
}

function membershipCaveats({ reg, iso2, membership, basis, warrants }: CaveatInput): Caveat[] {
  const state = reg.countryName(iso2);
  const out: Caveat[] = [];
  if (membership.status === 'party' && membership.withdrawal) {
    const w = membership.withdrawal;
    const revoked = w.revoked
      ? ` The notice was revoked on ${formatDay(w.revoked)} and never took effect.`
      : '';
    if (w.notified && w.effective)
      out.push({
        code: 'withdrawal_pending',
        text: `${state} notified its withdrawal on ${formatDay(w.notified)}; it would take effect on ${formatDay(w.effective)} (art. 127(1)). Until then ${state} remains a party with all its duties, and art. 127(2) keeps those for proceedings begun before.${revoked}`,
      });
    else if (w.announced)
      out.push({
        code: 'withdrawal_announced',
        text: `${state} announced on ${formatDay(w.announced)} that it would withdraw, but had not yet notified the UN Secretary-General: a withdrawal takes effect only one year after notification (art. 127(1)).${revoked}`,
      });
  }
  if (basis.some((b) => b.ground === 'art_127_2_continuing'))
    out.push({
      code: 'art_127_2_untested',
      text: `This duty rests on art. 127(2) alone. The Court has held that it keeps jurisdiction over crimes committed while a state was a party (Burundi, 2017), but has not ruled on a former party's duty to arrest.`,
    });
  if (membership.status === 'withdrawn' && !basis.some((b) => b.ground === 'art_127_2_continuing')) {
    const opened = warrants
      .map(({ warrant }) => reg.situations.get(warrant.situation))
      .find((s) => s?.preliminaryExaminationOpened && s.preliminaryExaminationOpened < membership.effective);
    if (opened)
      out.push({
        code: 'art_127_2_contested',
        text: `The preliminary examination in the ${opened.name} began on ${formatDay(opened.preliminaryExaminationOpened!)}, while ${state} was a party, but the investigation opened only on ${formatDay(opened.investigationOpened)}, after its withdrawal took effect on ${formatDay(membership.effective)}. Whether art. 127(2) keeps a duty to cooperate in such a case is disputed; the Court has not said it does.`,
      });
  }
  if (basis.some((b) => b.ground === 'art_12_3'))
    out.push({
      code: 'declaration_scope',
      text: `An art. 12(3) declaration obliges ${state} to cooperate in the situation it founded; it does not make ${state} a party for other situations.`,
    });
  const m = reg.memberships.get(iso2);
  if (m?.territorialScope && membership.status === 'party')
    out.push({ code: 'territorial_scope', text: `Territorial scope: ${m.territorialScope}` });
  return out;
}

function contextCaveats({ subject, date, kind, presence }: CaveatInput): Caveat[] {
  const out: Caveat[] = [];
  const office = officeOn(subject, date).find((o) => o.kind && IMMUNITY_OFFICES.has(o.kind));
  if (office && kind === 'binding')
    out.push({
      code: 'immunity_claim_rejected',
      text: `${subject.name} holds office as ${office.title}. Hosts have claimed head-of-state immunity (art. 98(1)); the Court has rejected every such claim: art. 27 excludes immunity before the Court${date < JORDAN_APPEAL ? ', a position the Appeals Chamber confirmed on 6 May 2019 (Jordan Referral re Al-Bashir Appeal)' : ', and on 6 May 2019 the Appeals Chamber held that no head-of-state immunity bars a State Party from arresting for the Court (Jordan Referral re Al-Bashir Appeal)'}.`,
    });
  if (presence === 'airspace')
    out.push({
      code: 'overflight_unsettled',
      text: 'The person would only cross the airspace. Whether a state must force down or arrest on an aircraft overflying it without landing is unsettled; no decision of the Court has applied the duty to an overflight.',
    });
  return out;
}

/** What each mark short of `verified` means, for the reader (registry/schema's `confidence`). */
const MARK_WORDS: Record<Exclude<Confidence, 'verified'>, string> = {
  single_source: 'one secondary source only, no primary text seen',
  recall: "from the compiler's knowledge, not re-read in a source",
  uncertain: 'its sources conflict or the value was computed, not reported',
};

const FACT_WORDS: Record<MembershipFact, string> = {
  signed: 'signature',
  deposited: 'instrument of ratification or accession',
  entryIntoForce: 'entry into force',
  announced: 'announcement of its withdrawal',
  notified: 'notice of withdrawal',
  revoked: 'revocation of its withdrawal notice',
};

/** The membership facts an answer on `date` rests on, with their days. */
function membershipFacts(m: Membership, date: IsoDate, on: MembershipOnDate): [MembershipFact, string][] {
  if (on.status === 'never') return [];
  const facts: [MembershipFact, string][] = [
    on.status === 'not_yet' ? ['deposited', m.deposited] : ['entryIntoForce', m.entryIntoForce],
  ];
  const w = m.withdrawal;
  if (w?.announced && w.announced <= date) facts.push(['announced', w.announced]);
  if (w?.notified && w.notified <= date) facts.push(['notified', w.notified]);
  // From the day the notice would have taken effect, only its revocation keeps the state a party.
  if (w?.revoked && w.notified && date >= addYears(w.notified, 1)) facts.push(['revoked', w.revoked]);
  return facts;
}

/** A caveat for every fact the answer rests on that the registry does not mark verified. */
function confidenceCaveats({ reg, iso2, date, warrants, membership }: CaveatInput): Caveat[] {
  const out: Caveat[] = [];
  const mark = (c: Confidence) => `${c} (${MARK_WORDS[c as Exclude<Confidence, 'verified'>]})`;
  const m = reg.memberships.get(iso2);
  if (m)
    for (const [fact, day] of membershipFacts(m, date, membership)) {
      const c = m.factConfidence?.[fact] ?? m.confidence;
      if (c !== 'verified')
        out.push({
          code: 'unverified_fact',
          text: `This answer rests on ${reg.countryName(iso2)}'s ${FACT_WORDS[fact]} (${formatDay(day)}), which the registry marks ${mark(c)}.`,
        });
    }
  for (const { warrant: w, status } of warrants)
    if (w.confidence !== 'verified' && status)
      out.push({
        code: 'unverified_fact',
        text: `This answer rests on the record of warrant ${w.caseNumber ?? w.id}, which the registry marks ${mark(w.confidence)}${w.notes ? `: ${w.notes}` : '.'}`,
      });
  return out;
}

export function caveatsFor(input: CaveatInput): Caveat[] {
  return [
    ...warrantCaveats(input),
    ...membershipCaveats(input),
    ...contextCaveats(input),
    ...confidenceCaveats(input),
  ];
}
