/**
 * @module registry/registry
 * The in-memory registry: the validated records, their indexes, and the cross-record checks
 * (every reference points at a record that exists, histories are in date order, codes are real).
 */
import { groupBy } from '../group.js';
import { worldCountries } from './world.js';
import { buildCountries, indexCountryNames, type Country } from './countries.js';
import { RegistryDataError } from './errors.js';
import type { RegistryRecords } from './schema.js';
import type {
  Declaration,
  Finding,
  Membership,
  Referral,
  Situation,
  Subject,
  Trip,
  Warrant,
} from './schema.js';

export interface Registry {
  readonly memberships: ReadonlyMap<string, Membership>;
  readonly situations: ReadonlyMap<string, Situation>;
  readonly declarations: readonly Declaration[];
  readonly referrals: readonly Referral[];
  readonly subjects: ReadonlyMap<string, Subject>;
  readonly warrants: readonly Warrant[];
  readonly warrantsBySubject: ReadonlyMap<string, readonly Warrant[]>;
  readonly trips: readonly Trip[];
  readonly findings: ReadonlyMap<string, Finding>;
  /** Every country with its names; built on first use (it reads 78 languages of names). */
  readonly countries: readonly Country[];
  readonly countryByIso2: ReadonlyMap<string, Country>;
  /** Normalized country name or code → ISO2. */
  readonly countryNameIndex: ReadonlyMap<string, string>;
  /** The English short name of a country, cheap (no multilingual table); the code itself if unknown. */
  countryName(iso2: string): string;
}

const englishNames = new Map(worldCountries.map((c) => [c.cca2, c.name.common]));
const knownIso2 = new Set(englishNames.keys());

function uniqueBy<T>(
  file: string,
  items: readonly T[],
  key: (t: T) => string,
  problems: string[],
): Map<string, T> {
  const out = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (out.has(k)) problems.push(`${file}: duplicate id ${k}`);
    out.set(k, item);
  }
  return out;
}

/** Cross-record checks; returns one line per broken reference. */
function checkReferences(
  r: RegistryRecords,
  subjects: Map<string, Subject>,
  situations: Map<string, Situation>,
  findings: Map<string, Finding>,
): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, where: string, what: string) => {
    if (!ok) problems.push(`${where}: ${what}`);
  };
  const country = (code: string | undefined, where: string) =>
    code === undefined || need(knownIso2.has(code), where, `unknown country code ${code}`);

  for (const m of r.memberships) {
    country(m.iso2, `memberships.yaml (${m.iso2})`);
    const w = m.withdrawal;
    if (w?.revoked)
      need(
        !!w.notified && w.revoked >= w.notified,
        `memberships.yaml (${m.iso2})`,
        'withdrawal.revoked must follow withdrawal.notified',
      );
    need(
      m.entryIntoForce >= '2002-07-01',
      `memberships.yaml (${m.iso2})`,
      'entryIntoForce before the Statute entered into force',
    );
  }
  for (const s of r.situations) s.territory.forEach((c) => country(c, `situations.yaml (${s.id})`));
  for (const d of r.declarations) {
    country(d.iso2, `declarations.yaml (${d.id})`);
    d.situations.forEach((s) =>
      need(situations.has(s), `declarations.yaml (${d.id})`, `unknown situation ${s}`),
    );
  }
  for (const ref of r.referrals) {
    need(situations.has(ref.situation), `referrals.yaml (${ref.id})`, `unknown situation ${ref.situation}`);
    ref.binds.forEach((c) => country(c, `referrals.yaml (${ref.id})`));
  }
  for (const s of r.subjects) {
    country(s.nationality, `subjects.yaml (${s.id})`);
    s.offices.forEach((o, i) => {
      country(o.country, `subjects.yaml (${s.id}) offices.${i}`);
      if (o.from && o.to)
        need(o.from <= o.to, `subjects.yaml (${s.id}) offices.${i}`, 'office ends before it starts');
    });
  }
  for (const w of r.warrants) {
    const where = `warrants.yaml (${w.id})`;
    need(subjects.has(w.subject), where, `unknown subject ${w.subject}`);
    need(situations.has(w.situation), where, `unknown situation ${w.situation}`);
    w.history.forEach((h, i) => {
      const prev = w.history[i - 1];
      if (prev)
        need(
          prev.from <= h.from,
          where,
          `history.${i}.from ${h.from} is before history.${i - 1}.from ${prev.from}`,
        );
    });
    if (w.issued && w.madePublic) need(w.issued <= w.madePublic, where, 'madePublic before issued');
  }
  for (const t of r.trips) {
    const where = `trips.yaml (${t.id})`;
    need(subjects.has(t.subject), where, `unknown subject ${t.subject}`);
    country(t.country, where);
    t.findings.forEach((f) => need(findings.has(f), where, `unknown finding ${f}`));
    if (t.start && t.end) need(t.start <= t.end, where, 'end before start');
  }
  for (const f of r.findings) {
    const where = `findings.yaml (${f.id})`;
    country(f.country, where);
    f.subjects.forEach((s) => need(subjects.has(s), where, `unknown subject ${s}`));
    if (f.supersedes) need(findings.has(f.supersedes), where, `unknown finding ${f.supersedes}`);
  }
  for (const c of r.countryNames) country(c.iso2, `country-names.yaml (${c.iso2})`);
  return problems;
}

/** Indexes validated records; throws a RegistryDataError if any cross-reference is broken. */
export function buildRegistry(r: RegistryRecords): Registry {
  const problems: string[] = [];
  const subjects = uniqueBy('subjects.yaml', r.subjects, (s) => s.id, problems);
  const situations = uniqueBy('situations.yaml', r.situations, (s) => s.id, problems);
  const findings = uniqueBy('findings.yaml', r.findings, (f) => f.id, problems);
  const memberships = uniqueBy('memberships.yaml', r.memberships, (m) => m.iso2, problems);
  uniqueBy('warrants.yaml', r.warrants, (w) => w.id, problems);
  uniqueBy('trips.yaml', r.trips, (t) => t.id, problems);
  problems.push(...checkReferences(r, subjects, situations, findings));
  if (problems.length) throw new RegistryDataError('data/registry', problems);

  const extraNames = new Map(r.countryNames.map((c) => [c.iso2, c.names]));
  let countries: Country[] | undefined;
  let countryByIso2: Map<string, Country> | undefined;
  let countryNameIndex: Map<string, string> | undefined;
  const allCountries = () => (countries ??= buildCountries(extraNames));

  return {
    memberships,
    situations,
    declarations: r.declarations,
    referrals: r.referrals,
    subjects,
    warrants: r.warrants,
    warrantsBySubject: groupBy(r.warrants, (w) => w.subject),
    trips: r.trips,
    findings,
    get countries() {
      return allCountries();
    },
    get countryByIso2() {
      return (countryByIso2 ??= new Map(allCountries().map((c) => [c.iso2, c])));
    },
    get countryNameIndex() {
      return (countryNameIndex ??= indexCountryNames(allCountries()));
    },
    countryName: (iso2) => englishNames.get(iso2) ?? iso2,
  };
}
