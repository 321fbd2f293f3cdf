/**
 * @module web/api/registry-routes
 * The registry's and the law's routes: the wanted persons and their warrants, the states and
 * their duties today, the duty to arrest on a date, and the compliance ledger of a state or a
 * person. "Today" is the server's clock (deps.now), in UTC.
 */
import { ledgerOf } from '../../events/index.js';
import { dutyMatrix, dutyToArrest } from '../../law/index.js';
import type { IsoDate } from '../../model.js';
import type { WebDeps } from '../deps.js';
import { notFound } from './errors.js';
import { countryJson, dutyJson, ledgerJson, personDetailJson, personJson, storedTripJson } from './json.js';
import { allTrips } from './queries.js';
import * as s from './schemas.js';
import type { ZodApp } from './types.js';

export function registryRoutes(api: ZodApp, deps: WebDeps) {
  const { registry: reg } = deps;
  const today = () => deps.now().toISOString().slice(0, 10) as IsoDate;
  const knownSubject = (id: string) => {
    if (!reg.subjects.has(id)) throw notFound('person', id);
  };
  const knownCountry = (iso2: string) => {
    if (!reg.countryByIso2.has(iso2)) throw notFound('country', iso2);
  };

  api.get(
    '/people',
    {
      schema: {
        summary: 'The persons named in public ICC warrants, with their warrants today',
        tags: ['people'],
        response: { 200: s.page(s.person) },
      },
    },
    () => ({ data: [...reg.subjects.keys()].map((id) => personJson(reg, id, today())), next_cursor: null }),
  );

  api.get(
    '/people/:id',
    {
      schema: {
        summary: 'One person: warrants, status and the states bound to arrest him today',
        tags: ['people'],
        params: s.idParams,
        response: { 200: s.personDetail, ...s.errors },
      },
    },
    (req) => {
      knownSubject(req.params.id);
      return personDetailJson(reg, req.params.id, today());
    },
  );

  api.get(
    '/countries',
    {
      schema: {
        summary: 'Every state, with where it stands with the Rome Statute today',
        tags: ['countries'],
        response: { 200: s.page(s.country) },
      },
    },
    () => ({
      data: [...reg.countryByIso2.keys()].sort().map((iso2) => countryJson(reg, iso2, today())),
      next_cursor: null,
    }),
  );

  api.get(
    '/countries/:iso2',
    {
      schema: {
        summary: 'One state: its membership and whom it is bound to arrest today',
        tags: ['countries'],
        params: s.iso2Params,
        response: { 200: s.countryDetail, ...s.errors },
      },
    },
    (req) => {
      const { iso2 } = req.params;
      knownCountry(iso2);
      const duties = dutyMatrix(reg, today())
        .entries.filter((e) => e.iso2 === iso2)
        .map((e) => ({ subject_id: e.subjectId, grounds: e.grounds, warrant_ids: e.warrantIds }));
      return { ...countryJson(reg, iso2, today()), duties };
    },
  );

  api.get(
    '/duty',
    {
      schema: {
        summary: 'Must this state arrest this person on this day, and why (the law engine)',
        tags: ['law'],
        querystring: s.dutyQuery,
        response: { 200: s.duty, ...s.errors },
      },
    },
    (req) => {
      const { subject, country, date } = req.query;
      knownSubject(subject);
      knownCountry(country);
      return dutyJson(dutyToArrest(reg, subject, country, (date ?? today()) as IsoDate));
    },
  );

  api.get(
    '/ledger/:key',
    {
      schema: {
        summary: 'What a state did each time a wanted person came, or what each state did when one came',
        tags: ['law'],
        params: s.ledgerParams,
        response: { 200: s.ledger, ...s.errors },
      },
    },
    async (req) => {
      const { key } = req.params;
      // Two letters are a country (the schema made them upper case); a person's id is longer.
      const isCountry = /^[A-Z]{2}$/.test(key);
      if (isCountry) knownCountry(key);
      else knownSubject(key);
      const of = isCountry ? { countryIso2: key } : { subjectId: key };
      const trips = await allTrips(deps.store, of);
      const stored = new Map(trips.map((t) => [t.id, t]));
      return ledgerJson(ledgerOf(reg, trips, of), (t) => storedTripJson(stored.get(t.id)!, reg));
    },
  );
}
