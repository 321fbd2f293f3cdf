/**
 * @module law/explain
 * The duty in plain words: the answer first, then the warrant, then each legal ground.
 */
import type { Basis, DutyKind, IsoDate, Registry, Subject, Warrant } from '../model.js';
import type { StatusChange } from '../registry/index.js';
import { formatDay } from './dates.js';
import type { MembershipOnDate } from './membership.js';

const STATUS_WORDS: Record<string, string> = {
  at_large: 'is at large',
  in_custody: 'is held by national authorities and has not been surrendered',
  surrendered: 'was surrendered to the Court',
  convicted: 'was convicted by the Court',
  acquitted: 'was acquitted by the Court',
  deceased: 'died',
  withdrawn: 'saw the warrant withdrawn',
  proceedings_terminated: 'saw the proceedings terminated',
  application: 'is the subject of an application for a warrant',
};

function warrantSentence(reg: Registry, w: Warrant, status: StatusChange | undefined, name: string): string {
  const situation = reg.situations.get(w.situation)?.name ?? w.situation;
  const ref = `${w.caseNumber ? `case ${w.caseNumber}, ` : ''}${situation}`;
  if (!status) return `The warrant (${ref}) was issued only on ${formatDay(w.issued ?? w.history[0]!.from)}.`;
  const issued = w.issued
    ? `issued on ${formatDay(w.issued)}`
    : `made public on ${formatDay(w.madePublic ?? status.from)}`;
  if (status.status === 'at_large' || status.status === 'in_custody')
    return `The warrant (${ref}), ${issued}, is outstanding: ${name} ${STATUS_WORDS[status.status]}.`;
  if (status.status === 'application')
    return `${name} ${STATUS_WORDS.application} (${ref}) since ${formatDay(status.from)}.`;
  return `The warrant (${ref}), ${issued}, no longer asks for arrest: on ${formatDay(status.from)} ${name} ${STATUS_WORDS[status.status]}.`;
}

function whyNoDuty(reg: Registry, iso2: string, m: MembershipOnDate): string {
  const state = reg.countryName(iso2);
  switch (m.status) {
    case 'never':
      return `${state} is not a party to the Rome Statute, has lodged no art. 12(3) declaration for this situation, and no Security Council resolution obliges it to cooperate.`;
    case 'not_yet':
      return `${state} has ratified the Rome Statute, but it enters into force for ${state} only on ${formatDay(m.entryIntoForce)} (art. 126(2)).`;
    case 'withdrawn':
      return `${state}'s withdrawal from the Rome Statute took effect on ${formatDay(m.effective)} (art. 127(1)); no other ground binds it in this situation.`;
    case 'party':
      return '';
  }
}

export interface ExplainInput {
  reg: Registry;
  subject: Subject;
  iso2: string;
  date: IsoDate;
  kind: DutyKind;
  basis: Basis[];
  membership: MembershipOnDate;
  warrants: { warrant: Warrant; status: StatusChange | undefined }[];
}

export function explainDuty({
  reg,
  subject,
  iso2,
  date,
  kind,
  basis,
  membership,
  warrants,
}: ExplainInput): string {
  const state = reg.countryName(iso2);
  const pronoun = subject.gender === 'female' ? 'her' : subject.gender === 'male' ? 'him' : 'the person';
  const opening = {
    binding: `On ${formatDay(date)}, ${state} must arrest ${subject.name} and surrender ${pronoun} to the International Criminal Court.`,
    urged: `On ${formatDay(date)}, ${state} has no binding duty to arrest ${subject.name}, but the UN Security Council urges it to cooperate with the Court.`,
    none: `On ${formatDay(date)}, ${state} has no duty to arrest ${subject.name}.`,
  }[kind];
  const lines = [opening];
  if (warrants.length === 0) lines.push(`There is no ICC warrant for ${subject.name} in the registry.`);
  for (const { warrant, status } of warrants) lines.push(warrantSentence(reg, warrant, status, subject.name));
  const outstanding = warrants.some(
    ({ status }) => status?.status === 'at_large' || status?.status === 'in_custody',
  );
  if (kind === 'none' && outstanding) lines.push(whyNoDuty(reg, iso2, membership));
  lines.push(...new Set(basis.map((b) => b.detail)));
  return lines.filter(Boolean).join(' ');
}
