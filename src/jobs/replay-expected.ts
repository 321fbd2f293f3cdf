/**
 * @module jobs/replay-expected
 * The record a stream of articles should become (../shared/corpus/README.md, "Story streams"):
 * the expected trips, the alerts with the first article that supports each, and the articles that
 * must join none of the trips. Validated, so a broken file says where it is broken.
 */
import { z } from 'zod';

const day = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD or ""'), z.literal('')]);
const status = z.enum(['planned', 'under_way', 'completed', 'cancelled', 'remote']);
const alertKind = z.enum(['upcoming_visit', 'arrival', 'departed_without_arrest', 'cancelled', 'arrested']);

const expectedAlert = z.looseObject({
  story: z.string().min(1),
  kind: alertKind,
  first_possible_after: z.string().min(1),
  optional: z.boolean().optional(),
});

export const expectedRecord = z.looseObject({
  trips: z.array(
    z.looseObject({
      story: z.string().min(1),
      subject: z.string().min(1),
      country_iso2: z.string().regex(/^[A-Z]{2}$/),
      city: z.string(),
      start: day,
      end: day,
      final_status: status,
      articles: z.array(z.string()),
      history: z.array(z.object({ after: z.string(), status })),
    }),
  ),
  alerts: z.array(expectedAlert),
  tolerated_alerts: z.array(expectedAlert.partial({ first_possible_after: true })).optional(),
  not_in_any_trip: z.array(z.string()).default([]),
});

export type ExpectedRecord = z.infer<typeof expectedRecord>;
export type ExpectedTrip = ExpectedRecord['trips'][number];
export type ExpectedAlert = z.infer<typeof expectedAlert>;
