/**
 * @module web/review/forms
 * The review forms' bodies, validated (zod) and made the decision `reviewTrip` takes, as the
 * CLI's `review` options are. The edit form is shown filled with the trip as it stands: the
 * fields that differ from it are the ones set, and an emptied day or city is cleared.
 */
import { z } from 'zod';
import type { ReviewInput, TripFieldsSet, TripRecord } from '../../events/index.js';
import { isoDate } from '../../registry/index.js';
import { tripStatus } from '../api/schemas.js';
import { WebError } from '../auth/errors.js';

export const ACTIONS = ['confirm', 'reject', 'edit', 'merge', 'split'] as const;
export type Action = (typeof ACTIONS)[number];

/** The statuses a trip can be given, as the API names them. */
export const STATUSES = tripStatus.options;

/** A reason is kept in the audit log; this is far more than any needs. */
export const WHY_MAX = 2000;

const why = z
  .string()
  .trim()
  .max(WHY_MAX, `A reason is at most ${WHY_MAX} characters.`)
  .optional()
  .transform((v) => v || null);
const day = z.union([z.literal(''), isoDate]);
/** A field ticked once is a string, several times a list, never an absent one. */
const ticked = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const BODIES = {
  confirm: z.object({ why }),
  reject: z.object({ why }),
  edit: z.object({
    why,
    status: tripStatus.optional(),
    start: day.optional(),
    end: day.optional(),
    city: z.string().trim().max(200, 'A city is at most 200 characters.').optional(),
  }),
  merge: z.object({ why, into: z.string().trim().min(1, 'Choose the trip to merge into.').max(300) }),
  split: z.object({
    why,
    articles: z.preprocess(
      ticked,
      z.array(z.string().min(1).max(300)).min(1, 'Tick the articles of the other journey.'),
    ),
  }),
} as const;

function parsed<A extends Action>(action: A, body: unknown): z.infer<(typeof BODIES)[A]> {
  const r = BODIES[action].safeParse(body ?? {});
  if (!r.success) throw new WebError('invalid_request', r.error.issues.map((i) => i.message).join(' '));
  return r.data as z.infer<(typeof BODIES)[A]>;
}

/** The fields of an edit that differ from the trip as it stands. */
function editSet(trip: TripRecord, f: z.infer<typeof BODIES.edit>): TripFieldsSet {
  const set: TripFieldsSet = {};
  if (f.status !== undefined && f.status !== trip.status) set.status = f.status;
  const [start, end, city] = [f.start, f.end, f.city].map((v) => (v === undefined ? undefined : v || null));
  if (start !== undefined && start !== trip.start) set.start = start;
  if (end !== undefined && end !== trip.end) set.end = end;
  if (city !== undefined && city !== trip.city) set.city = city;
  const [first, last] = ['start' in set ? set.start : trip.start, 'end' in set ? set.end : trip.end];
  if (('start' in set || 'end' in set) && first && last && first > last)
    throw new WebError('invalid_request', 'The first day is after the last day.');
  return set;
}

/** The decision a form asks for, with its reason; a 400 when the form does not make one. */
export function decisionOf(
  action: Action,
  trip: TripRecord,
  body: unknown,
): { input: ReviewInput; why: string | null } {
  switch (action) {
    case 'confirm':
    case 'reject':
      return { input: { kind: action }, why: parsed(action, body).why };
    case 'edit': {
      const f = parsed('edit', body);
      const set = editSet(trip, f);
      if (!Object.keys(set).length)
        throw new WebError(
          'invalid_request',
          'Nothing to change: the form still holds the trip as it stands.',
        );
      return { input: { kind: 'edit', set }, why: f.why };
    }
    case 'merge': {
      const f = parsed('merge', body);
      return { input: { kind: 'merge', into: f.into }, why: f.why };
    }
    case 'split': {
      const f = parsed('split', body);
      return { input: { kind: 'split', articleIds: [...new Set(f.articles)] }, why: f.why };
    }
  }
}
