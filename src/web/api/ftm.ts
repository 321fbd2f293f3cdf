/**
 * @module web/api/ftm
 * The record as FollowTheMoney entities (followthemoney's schema: Person, Sanction, Event), so
 * OpenSanctions' tooling can load it: a Person for each wanted person, a Sanction for each warrant
 * (the Court as its authority) and an Event for each trip, the person `involved`. Every property
 * is a list of strings, as FtM writes them; countries are lower-case ISO codes. Pure.
 */
import { statusOn } from '../../law/index.js';
import type { IsoDate, Registry } from '../../model.js';
import type { StoredTrip } from '../../store/index.js';

export interface FtmEntity {
  id: string;
  schema: 'Person' | 'Sanction' | 'Event';
  properties: Record<string, string[]>;
}

const PREFIX = 'warrant-watch';
export const personId = (subjectId: string) => `${PREFIX}-person-${subjectId}`;
const list = (...values: (string | null | undefined)[]) => values.filter((v): v is string => !!v);
const country = (iso2: string | null | undefined) => list(iso2?.toLowerCase());

/** Drops the properties without a value: FtM has no empty lists. */
const entity = (id: string, schema: FtmEntity['schema'], props: Record<string, string[]>): FtmEntity => ({
  id,
  schema,
  properties: Object.fromEntries(Object.entries(props).filter(([, v]) => v.length)),
});

export function ftmEntities(reg: Registry, trips: readonly StoredTrip[], today: IsoDate): FtmEntity[] {
  const people = [...reg.subjects.values()].map((s) =>
    entity(personId(s.id), 'Person', {
      name: [s.fullName],
      alias: [...new Set([s.name, ...s.aliases, ...s.nativeNames.map((n) => n.name)])].filter(
        (n) => n !== s.fullName,
      ),
      birthDate: list(s.born),
      deathDate: list(s.died),
      nationality: country(s.nationality),
      gender: list(s.gender),
      position: [...new Set(s.offices.map((o) => o.title))],
      topics: ['wanted'],
      sourceUrl: s.sources,
    }),
  );
  const warrants = reg.warrants.map((w) =>
    entity(`${PREFIX}-warrant-${w.id}`, 'Sanction', {
      entity: [personId(w.subject)],
      authority: ['International Criminal Court'],
      authorityId: list(w.caseNumber),
      program: list(reg.situations.get(w.situation)?.name),
      provisions: ['Arrest warrant'],
      status: list(statusOn(w, today)?.status),
      reason: list(w.charges),
      startDate: list(w.issued),
      listingDate: list(w.madePublic),
      sourceUrl: w.sources,
    }),
  );
  const events = trips.map((t) =>
    entity(`${PREFIX}-trip-${t.id}`, 'Event', {
      name: [
        `${reg.subjects.get(t.subjectId)?.name ?? t.subjectId}: visit to ${reg.countryName(t.countryIso2)}`,
      ],
      summary: [`Trip ${t.status.replace('_', ' ')}`],
      startDate: list(t.start),
      endDate: list(t.end),
      date: list(t.start ?? t.firstReported.slice(0, 10)),
      country: country(t.countryIso2),
      location: list(t.city),
      involved: [personId(t.subjectId)],
      recordId: [t.id],
      sourceUrl: [...new Set([...(t.curated?.sources ?? []), ...t.evidence.map((e) => e.url)])],
    }),
  );
  return [...people, ...warrants, ...events];
}
