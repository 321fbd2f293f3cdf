/**
 * @module registry/schema
 * The zod schemas of the curated registry files in data/registry/, written once; every
 * registry type is inferred from them. Records are strict: an unknown key is an error, so
 * a typo in a data file cannot silently drop a fact.
 */
import { z } from 'zod';

/** A calendar day, `YYYY-MM-DD`, checked to exist (no 2023-02-30). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real calendar day')
  .brand<'IsoDate'>();
export type IsoDate = z.infer<typeof isoDate>;

/** ISO 3166-1 alpha-2, upper case (XK for Kosovo is accepted, as world-countries uses it). */
export const iso2 = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as MN');
/** A record id: lower-case words joined by hyphens, or an upper-case trip/finding id. */
export const recordId = z
  .string()
  .regex(/^[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*$/, 'expected an id such as putin-vladimir');

/** How far a record's facts were checked; shown to users next to anything built on it. */
export const confidence = z.enum([
  'verified', // matched against at least one stored primary or reliable secondary source
  'single_source', // one secondary source only
  'recall', // from the compiler's knowledge, not re-read in a source
  'uncertain', // sources conflict or a value was computed rather than reported
]);
export type Confidence = z.infer<typeof confidence>;

const sourced = {
  sources: z.array(z.string().url()).default([]),
  confidence,
  notes: z.string().optional(),
};

export const withdrawalSchema = z
  .object({
    announced: isoDate.optional(),
    /** Day the UN Secretary-General received the notice (Art. 127(1)); effect is one year later. */
    notified: isoDate.optional(),
    /** Day the notice was revoked; a revoked notice never takes effect. */
    revoked: isoDate.optional(),
  })
  .strict();

/**
 * Single facts of a membership checked less (or more) than the record as a whole, each with its
 * own mark (Hungary's revocation rests on secondary reports while its ratification is verified);
 * every fact not named here has the record's `confidence`.
 */
export const membershipFactConfidence = z
  .object({
    signed: confidence,
    deposited: confidence,
    entryIntoForce: confidence,
    announced: confidence,
    notified: confidence,
    revoked: confidence,
  })
  .partial()
  .strict();
export type MembershipFact = keyof z.infer<typeof membershipFactConfidence>;

export const membershipSchema = z
  .object({
    iso2,
    name: z.string().min(1),
    signed: isoDate.optional(),
    deposited: isoDate,
    instrument: z.enum(['ratification', 'accession', 'succession']),
    entryIntoForce: isoDate,
    withdrawal: withdrawalSchema.optional(),
    /** Territories excluded from or added to the ratification, where known. */
    territorialScope: z.string().optional(),
    factConfidence: membershipFactConfidence.optional(),
    ...sourced,
  })
  .strict();
export type Membership = z.infer<typeof membershipSchema>;

export const situationSchema = z
  .object({
    id: recordId,
    name: z.string().min(1),
    /** The ICC situation number, e.g. ICC-01/22. */
    number: z.string().regex(/^ICC-\d{2}\/\d{2}$/),
    territory: z.array(iso2).min(1),
    trigger: z.enum(['state_referral', 'proprio_motu', 'unsc_referral']),
    preliminaryExaminationOpened: isoDate.optional(),
    investigationOpened: isoDate,
    ...sourced,
  })
  .strict();
export type Situation = z.infer<typeof situationSchema>;

export const declarationSchema = z
  .object({
    id: recordId,
    iso2,
    lodged: isoDate,
    /** Period of the crimes accepted, not of the duty: the duty runs from lodging. */
    periodStart: isoDate,
    periodEnd: isoDate.optional(),
    situations: z.array(recordId),
    /** False where the Prosecutor found the declaration could not found jurisdiction (Palestine 2009). */
    accepted: z.boolean(),
    ...sourced,
  })
  .strict();
export type Declaration = z.infer<typeof declarationSchema>;

export const referralSchema = z
  .object({
    id: recordId,
    resolution: z.string().regex(/^S\/RES\/\d+ \(\d{4}\)$/),
    adopted: isoDate,
    situation: recordId,
    /** States the resolution obliges to cooperate ("shall cooperate fully"); all others are only urged. */
    binds: z.array(iso2).min(1),
    temporalScopeStart: isoDate,
    ...sourced,
  })
  .strict();
export type Referral = z.infer<typeof referralSchema>;

export const officeKind = z.enum([
  'head_of_state',
  'head_of_government',
  'foreign_minister',
  'minister',
  'military',
  'armed_group',
  'official',
  'other',
]);
export type OfficeKind = z.infer<typeof officeKind>;

export const officeSchema = z
  .object({
    title: z.string().min(1),
    kind: officeKind,
    country: iso2.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** Short descriptions that name the holder in news ("the Russian president", "the Kremlin leader"). */
    descriptions: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type Office = z.infer<typeof officeSchema>;

export const nativeNameSchema = z
  .object({
    name: z.string().min(1),
    /** BCP 47 language tag of the spelling: ru, ar, he, fr, de... */
    lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/),
  })
  .strict();

export const subjectSchema = z
  .object({
    id: recordId,
    /** Display name, the one news in English most often uses. */
    name: z.string().min(1),
    fullName: z.string().min(1),
    /** Latin-script variants: short forms, transliterations, nicknames. */
    aliases: z.array(z.string().min(1)).default([]),
    /** Spellings in other scripts or languages, each with its language. */
    nativeNames: z.array(nativeNameSchema).default([]),
    nationality: iso2.optional(),
    gender: z.enum(['male', 'female']).optional(),
    born: isoDate.optional(),
    died: isoDate.optional(),
    offices: z.array(officeSchema).default([]),
    ...sourced,
  })
  .strict();
export type Subject = z.infer<typeof subjectSchema>;

/** What stands on a warrant on a day. Only `at_large` and `in_custody` leave a duty to arrest. */
export const warrantStatus = z.enum([
  'application', // the Prosecutor applied; no warrant yet
  'at_large',
  'in_custody', // held by a national authority, not yet surrendered to the Court
  'surrendered', // in the Court's custody: the warrant is executed
  'convicted',
  'acquitted',
  'deceased',
  'withdrawn',
  'proceedings_terminated',
]);
export type WarrantStatus = z.infer<typeof warrantStatus>;

export const statusChangeSchema = z
  .object({
    status: warrantStatus,
    from: isoDate,
    /** Precision of `from` when the source gives only a month or a year. */
    precision: z.enum(['day', 'month', 'year']).default('day'),
    /** Where held or what happened, in a few words. */
    note: z.string().optional(),
  })
  .strict();
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const warrantSchema = z
  .object({
    id: recordId,
    subject: recordId,
    situation: recordId,
    caseNumber: z.string().optional(),
    chamber: z.string().optional(),
    /** Day the warrant was issued, when known (sealed warrants may be dated only by their unsealing). */
    issued: isoDate.optional(),
    /** Day the warrant, or its existence, was made public. */
    madePublic: isoDate.optional(),
    charges: z.string().optional(),
    /** Status changes in date order; the first one is the warrant's (or application's) start. */
    history: z.array(statusChangeSchema).min(1),
    ...sourced,
  })
  .strict();
export type Warrant = z.infer<typeof warrantSchema>;

export const tripOutcome = z.enum([
  'not_arrested',
  'arrested',
  'surrendered',
  'trip_cancelled',
  'trip_shortened',
  'attended_remotely',
  'unknown',
]);

export const tripSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Z]{3}-\d{4}-\d{2}(-\d{2})?-[A-Z]{2}$/, 'expected an id such as PUT-2024-09-02-MN'),
    subject: recordId,
    country: iso2,
    city: z.string().optional(),
    start: isoDate.optional(),
    end: isoDate.optional(),
    /** Only the month is known: YYYY-MM. */
    month: z
      .string()
      .regex(/^\d{4}-\d{2}$/)
      .optional(),
    occasion: z.string().min(1),
    /** On the ground, only through the airspace, or not at all. */
    presence: z.enum(['territory', 'airspace', 'none']),
    outcome: tripOutcome,
    /** The source's statement of the host's Rome Statute status that day; the law engine must agree. */
    hostWasStateParty: z.boolean(),
    otherDutyBasis: z.string().optional(),
    findings: z.array(recordId).default([]),
    domesticLitigation: z.string().optional(),
    avoidance: z.string().optional(),
    ...sourced,
  })
  .strict();
export type Trip = z.infer<typeof tripSchema>;

export const referralTarget = z.enum(['yes', 'no', 'informed', 'deferred', 'reversed', 'unverified']);

export const findingSchema = z
  .object({
    id: recordId,
    country: iso2,
    subjects: z.array(recordId).min(1),
    decided: isoDate,
    chamber: z.string().min(1),
    outcome: z.enum([
      'non_compliance', // a breach found (Art. 87(7) or its predecessors)
      'presence_reported', // the Chamber informed the UNSC/ASP of a visit without a full 87(7) process
      'no_non_compliance', // proceedings held, no breach found
      'appeal_judgment', // the Appeals Chamber ruled on an earlier finding
    ]),
    summary: z.string().min(1),
    referredToAsp: referralTarget,
    referredToUnsc: referralTarget,
    caseNumber: z.string().optional(),
    title: z.string().optional(),
    /** The earlier finding this one confirms, reverses or replaces (Jordan 2019 → 2017). */
    supersedes: recordId.optional(),
    trips: z.array(z.string()).default([]),
    ...sourced,
  })
  .strict();
export type Finding = z.infer<typeof findingSchema>;

/** Extra names for countries, on top of world-countries and i18n-iso-countries. */
export const countryNamesSchema = z
  .object({
    iso2,
    names: z.array(z.string().min(1)).min(1),
    note: z.string().optional(),
  })
  .strict();

/** Each data file and the schema of one record in it. */
export const registryFiles = {
  memberships: { file: 'memberships.yaml', schema: membershipSchema },
  situations: { file: 'situations.yaml', schema: situationSchema },
  declarations: { file: 'declarations.yaml', schema: declarationSchema },
  referrals: { file: 'referrals.yaml', schema: referralSchema },
  subjects: { file: 'subjects.yaml', schema: subjectSchema },
  warrants: { file: 'warrants.yaml', schema: warrantSchema },
  trips: { file: 'trips.yaml', schema: tripSchema },
  findings: { file: 'findings.yaml', schema: findingSchema },
  countryNames: { file: 'country-names.yaml', schema: countryNamesSchema },
} as const;
export type RegistryFileKey = keyof typeof registryFiles;

/** Every record of every registry file, as validated. */
export type RegistryRecords = {
  [K in RegistryFileKey]: z.infer<(typeof registryFiles)[K]['schema']>[];
};
