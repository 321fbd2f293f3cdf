/**
 * @module web/api/record-routes
 * The record's routes: trips (a page at a time, one with its history and evidence), alerts, the
 * trip exports (CSV, JSON lines, GeoJSON) and the FollowTheMoney export. Each handler validates
 * (its schema), asks the store, and answers through the shapes of web/api/json.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { IsoDate, Registry } from '../../model.js';
import type { TripPageRequest } from '../../store/index.js';
import type { WebDeps } from '../deps.js';
import { alertCursor, alertSeq } from './cursor.js';
import { notFound } from './errors.js';
import { tripsCsv, tripsGeoJson, tripsJsonl } from './exports.js';
import { ftmEntities } from './ftm.js';
import { storedAlertJson, storedTripJson } from './json.js';
import { allTrips } from './queries.js';
import * as s from './schemas.js';
import type { ZodApp } from './types.js';

type TripFilters = z.output<typeof s.tripFilters>;

const filtersOf = (q: TripFilters): Omit<TripPageRequest, 'limit'> => ({
  ...(q.subject ? { subjectId: q.subject } : {}),
  ...(q.country ? { countryIso2: q.country } : {}),
  ...(q.status ? { status: q.status } : {}),
  ...(q.updated_since ? { updatedSince: q.updated_since } : {}),
});

const sendFile = (reply: FastifyReply, type: string, name: string, body: string) =>
  reply.type(type).header('content-disposition', `inline; filename="${name}"`).send(body);

/** A file's answer in the document: its media type, the body a string of it. */
const fileResponse = (description: string, type: string) => ({
  description,
  content: { [type]: { schema: z.string() } },
});

const exportSchema = (summary: string, type: string) => ({
  summary,
  tags: ['exports'],
  querystring: s.tripFilters,
  response: { 200: fileResponse(summary, type), 400: s.errorBody },
});

export function recordRoutes(api: ZodApp, deps: WebDeps) {
  const { store, registry: reg } = deps;

  api.get(
    '/trips',
    {
      schema: {
        summary: 'Trips, in the order they last changed',
        description: 'Cursor pagination: pass next_cursor back as cursor until it is null.',
        tags: ['trips'],
        querystring: s.tripsQuery,
        response: { 200: s.tripPage, 400: s.errorBody },
      },
    },
    async (req) => {
      const { limit, cursor, ...filters } = req.query;
      const page = await store.pageTrips({ ...filtersOf(filters), limit, ...(cursor ? { cursor } : {}) });
      return { data: page.trips.map((t) => storedTripJson(t, reg)), next_cursor: page.nextCursor ?? null };
    },
  );

  api.get(
    '/trips/:id',
    {
      schema: {
        summary: 'One trip, with its status history and evidence',
        tags: ['trips'],
        params: s.idParams,
        response: { 200: s.storedTrip, ...s.errors },
      },
    },
    async (req) => {
      const [trip] = (await store.pageTrips({ id: req.params.id, includeSuperseded: true, limit: 1 })).trips;
      if (!trip) throw notFound('trip', req.params.id);
      return storedTripJson(trip, reg);
    },
  );

  api.get(
    '/alerts',
    {
      schema: {
        summary: 'Alerts, in the order they were raised',
        tags: ['alerts'],
        querystring: s.alertsQuery,
        response: { 200: s.alertPage, 400: s.errorBody },
      },
    },
    async (req) => {
      const { since, limit, cursor } = req.query;
      const alerts = await store.listAlerts({
        ...(since ? { since } : {}),
        ...(cursor ? { afterSeq: alertSeq(cursor) } : {}),
        limit: limit + 1,
      });
      const page = alerts.slice(0, limit);
      const last = page.at(-1);
      return {
        data: page.map(storedAlertJson),
        next_cursor: alerts.length > limit && last ? alertCursor(last.seq) : null,
      };
    },
  );

  const exports = [
    ['/trips.csv', 'Trips as CSV', 'text/csv', 'text/csv; charset=utf-8', tripsCsv],
    [
      '/trips.jsonl',
      'Trips as JSON lines',
      'application/jsonl',
      'application/jsonl; charset=utf-8',
      tripsJsonl,
    ],
    [
      '/trips.geojson',
      'Trips as GeoJSON Points',
      'application/geo+json',
      'application/geo+json',
      (trips: Parameters<typeof tripsGeoJson>[0], r: Registry) => JSON.stringify(tripsGeoJson(trips, r)),
    ],
  ] as const;
  for (const [path, summary, media, type, render] of exports)
    api.get(path, { schema: exportSchema(summary, media) }, async (req, reply) =>
      sendFile(reply, type, path.slice(1), render(await allTrips(store, filtersOf(req.query)), reg)),
    );
  api.get(
    '/ftm.jsonl',
    {
      schema: {
        summary: 'The record as FollowTheMoney entities: Person, Sanction (warrants), Event (trips)',
        tags: ['exports'],
        response: {
          200: fileResponse('One FtM entity a line: { id, schema, properties }', 'application/jsonl'),
        },
      },
    },
    async (_req, reply) => {
      const today = deps.now().toISOString().slice(0, 10) as IsoDate;
      const entities = ftmEntities(reg, await allTrips(store, {}), today);
      return sendFile(
        reply,
        'application/jsonl; charset=utf-8',
        'warrant-watch.ftm.jsonl',
        entities.map((e) => `${JSON.stringify(e)}\n`).join(''),
      );
    },
  );
}
