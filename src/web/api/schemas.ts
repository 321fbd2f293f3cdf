/**
 * @module web/api/schemas
 * Every schema of the API in one place: the queries and path parameters that validate requests
 * and the bodies of the responses. The OpenAPI document is generated from these same schemas, so
 * it cannot drift from what the routes accept and answer.
 */
import { z } from 'zod';

// --- request fragments ---

/** A registry id (putin-vladimir) or a trip id: letters, digits, hyphens, underscores. */
const idText = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*$/, 'expected an id such as putin-vladimir');

/** ISO 3166-1 alpha-2, either case; upper case after validation. */
export const iso2Param = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as MN')
  .transform((s) => s.toUpperCase());

const isoDay = z.iso.date({ error: 'expected a day such as 2024-09-02' });
const isoInstant = z.iso.datetime({
  offset: true,
  error: 'expected an ISO 8601 time such as 2024-09-02T00:00:00Z',
});
const cursor = z.string().min(1).max(500).describe('The next_cursor of the previous page; opaque.');
const limit = z.coerce.number().int().min(1).max(500).default(100).describe('Items per page, at most 500.');

export const tripStatus = z.enum(['planned', 'under_way', 'completed', 'cancelled', 'remote']);

/** The filters every listing and export of trips shares. */
export const tripFilters = z.object({
  subject: idText.optional().describe('A person id: putin-vladimir'),
  country: iso2Param.optional().describe("The host state's ISO 3166-1 alpha-2 code"),
  status: tripStatus.optional(),
  updated_since: isoInstant.optional().describe('Only trips changed at or after this time'),
});

export const tripsQuery = tripFilters.extend({ limit, cursor: cursor.optional() });
export const alertsQuery = z.object({
  since: isoInstant.optional().describe('Only alerts raised at or after this time'),
  limit,
  cursor: cursor.optional(),
});
export const idParams = z.object({ id: idText });
export const iso2Params = z.object({ iso2: iso2Param });
export const ledgerParams = z.object({
  key: z
    .union([iso2Param, idText])
    .describe('A country (ISO 3166-1 alpha-2: MN) or a person id (putin-vladimir)'),
});
export const dutyQuery = z.object({
  subject: idText,
  country: iso2Param,
  date: isoDay.optional().describe('The day the duty is asked for; today when absent'),
});

// --- response bodies ---

const nullableText = z.string().nullable();
const times = {
  first_added: nullableText.describe(
    'When the record first held it; null for registry records, which keep no dates',
  ),
  last_changed: nullableText.describe('When its content last changed'),
  last_checked: nullableText.describe('When the record last looked at it again (a merge), changed or not'),
};
const dutyBrief = z.object({
  kind: z.enum(['binding', 'urged', 'none']),
  date: z.string(),
  basis: z.array(z.object({ ground: z.string(), warrant_id: z.string(), provisions: z.array(z.string()) })),
});

export const trip = z.object({
  id: z.string(),
  subject_id: z.string(),
  subject_name: z.string(),
  country_iso2: z.string(),
  city: nullableText,
  start: nullableText,
  end: nullableText,
  status: tripStatus,
  confidence: z.number(),
  first_reported: z.string(),
  history: z.array(
    z.object({
      status: tripStatus,
      article_id: z.string(),
      published: z.string(),
      basis: z.enum(['reported', 'seen_elsewhere']),
    }),
  ),
  curated: z.object({ id: z.string(), sources: z.array(z.string()) }).nullable(),
  review: z
    .object({ state: z.string(), by: z.string(), at: z.string(), into: z.string().optional() })
    .nullable(),
  duty: dutyBrief,
  outcome: z.enum(['arrested', 'not_arrested', 'cancelled', 'remote', 'unknown']),
  contradictions: z.array(
    z.object({
      field: z.string(),
      values: z.array(z.object({ value: z.string(), article_ids: z.array(z.string()) })),
    }),
  ),
  evidence: z.array(
    z.object({
      article_id: z.string(),
      url: z.string(),
      published: z.string(),
      status: tripStatus,
      moved_status: z.boolean(),
      text: z.string(),
    }),
  ),
});
export const storedTrip = trip.extend(times);

export const alert = z.object({
  id: z.string(),
  seq: z.number().int(),
  kind: z.enum(['upcoming_visit', 'arrival', 'departed_without_arrest', 'cancelled', 'arrested']),
  trip_id: z.string(),
  subject_id: z.string(),
  country_iso2: z.string(),
  created_at: z.string(),
  article_id: z.string(),
  evidence: z.object({ article_id: z.string(), published: z.string() }),
  duty: dutyBrief,
  ...times,
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    next_cursor: nullableText.describe('The cursor of the next page; null on the last one'),
  });

export const tripPage = page(storedTrip);
export const alertPage = page(alert);

const warrant = z.object({
  id: z.string(),
  case_number: nullableText,
  situation: z.string(),
  issued: nullableText,
  made_public: nullableText,
  status: z.string(),
  status_since: z.string(),
});
export const person = z.object({
  id: z.string(),
  name: z.string(),
  full_name: z.string(),
  aliases: z.array(z.string()),
  nationality: nullableText,
  gender: nullableText,
  born: nullableText,
  died: nullableText,
  wanted: z.boolean().describe('Whether a warrant is outstanding today (the person at large or in custody)'),
  warrants: z.array(warrant),
  sources: z.array(z.string()),
  confidence: z.string(),
  ...times,
});
export const personDetail = person.extend({
  bound_states: z.array(z.string()).describe('The states bound to arrest the person today'),
});

export const country = z.object({
  iso2: z.string(),
  name: z.string(),
  membership: z.object({
    status: z.enum(['never', 'not_yet', 'party', 'withdrawn']),
    deposited: nullableText,
    entry_into_force: nullableText,
    withdrawal_effective: nullableText,
    withdrawal_pending: z
      .object({
        announced: z.string().optional(),
        notified: z.string().optional(),
        effective: z.string().optional(),
        revoked: z.string().optional(),
      })
      .nullable(),
  }),
  ...times,
});
export const countryDetail = country.extend({
  duties: z
    .array(
      z.object({ subject_id: z.string(), grounds: z.array(z.string()), warrant_ids: z.array(z.string()) }),
    )
    .describe('The persons the state is bound to arrest today, and on which grounds'),
});

export const duty = z.object({
  subject_id: z.string(),
  country_iso2: z.string(),
  date: z.string(),
  kind: z.enum(['binding', 'urged', 'none']),
  basis: z.array(
    z.object({
      ground: z.string(),
      effect: z.enum(['binds', 'urges']),
      warrant_id: z.string(),
      provisions: z.array(z.string()),
      since: z.string(),
      detail: z.string(),
    }),
  ),
  caveats: z.array(z.object({ code: z.string(), text: z.string() })),
  warrants: z.array(
    z.object({
      id: z.string(),
      case_number: nullableText,
      situation: z.string(),
      status: z.string(),
      issued: nullableText,
      made_public: nullableText,
    }),
  ),
  explanation: z.string(),
});

export const ledger = z.object({
  entries: z.array(
    z.object({
      trip: storedTrip,
      outcome: z.string(),
      verdict: z.enum(['failed_to_arrest', 'arrested', 'deterred', 'pending', 'no_binding_duty']),
      finding_ids: z.array(z.string()),
    }),
  ),
  findings: z.array(
    z.object({
      id: z.string(),
      country_iso2: z.string(),
      subject_ids: z.array(z.string()),
      decided: z.string(),
      chamber: z.string(),
      outcome: z.string(),
      summary: z.string(),
    }),
  ),
});

export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), status: z.number().int() }),
});

/** The error responses every route may give, for the document. */
export const errors = { 400: errorBody, 404: errorBody };

/** The bodies the document names in components.schemas and refers to (a registry of the API's own,
 * not zod's global one, which every importer of zod shares). */
export const named = z.registry<{ id: string }>();
for (const [schema, id] of [
  [trip, 'Trip'],
  [storedTrip, 'StoredTrip'],
  [alert, 'Alert'],
  [person, 'Person'],
  [personDetail, 'PersonDetail'],
  [country, 'Country'],
  [countryDetail, 'CountryDetail'],
  [duty, 'Duty'],
  [ledger, 'Ledger'],
  [errorBody, 'Error'],
] as const)
  named.add(schema, { id });
