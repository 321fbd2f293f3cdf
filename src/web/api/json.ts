/**
 * @module web/api/json
 * The record as JSON, snake_case: trips and alerts in the shapes `--json` prints (the CLI imports
 * tripJson from here), and the registry's people and countries, the law's duties and the ledger
 * as the API serves them. Pure: data in, plain objects out.
 */
import { alertJson } from '../../alerts/index.js';
import { dutyOfTrip, outcomeOf, type Ledger, type TripRecord } from '../../events/index.js';
import { boundStatesBySubject, membershipOn, warrantsOn, type WarrantRow } from '../../law/index.js';
import type { Duty, IsoDate, Registry } from '../../model.js';
import type { StoredAlert, StoredTrip } from '../../store/index.js';

export function tripJson(trip: TripRecord, reg: Registry) {
  const duty = dutyOfTrip(reg, trip);
  return {
    id: trip.id,
    subject_id: trip.subjectId,
    subject_name: reg.subjects.get(trip.subjectId)?.name ?? trip.subjectId,
    country_iso2: trip.countryIso2,
    city: trip.city,
    start: trip.start,
    end: trip.end,
    status: trip.status,
    confidence: trip.confidence,
    first_reported: trip.firstReported,
    history: trip.history.map((h) => ({
      status: h.status,
      article_id: h.articleId,
      published: h.published,
      basis: h.basis,
    })),
    curated: trip.curated && { id: trip.curated.id, sources: trip.curated.sources },
    review: trip.review && {
      state: trip.review.state,
      by: trip.review.by,
      at: trip.review.at,
      ...(trip.review.state === 'merged' ? { into: trip.review.into } : {}),
    },
    duty: {
      kind: duty.kind,
      date: duty.date,
      basis: duty.basis.map((b) => ({ ground: b.ground, warrant_id: b.warrantId, provisions: b.provisions })),
    },
    outcome: outcomeOf(trip),
    contradictions: trip.contradictions.map((c) => ({
      field: c.field,
      values: c.values.map((v) => ({ value: v.value, article_ids: v.articleIds })),
    })),
    evidence: trip.evidence.map((e) => ({
      article_id: e.articleId,
      url: e.url,
      published: e.published,
      status: e.status,
      moved_status: e.moved,
      text: e.quote,
    })),
  };
}

/** When the record first held a record, last changed it, and last looked at it again. */
export interface RecordTimes {
  first_added: string | null;
  last_changed: string | null;
  last_checked: string | null;
}

/** The registry is curated by hand and keeps no dates per record: the API says so with nulls. */
export const UNDATED: RecordTimes = { first_added: null, last_changed: null, last_checked: null };

export const storedTripJson = (trip: StoredTrip, reg: Registry) => ({
  ...tripJson(trip, reg),
  first_added: trip.addedAt,
  last_changed: trip.changedAt,
  last_checked: trip.checkedAt,
});

/** An alert is raised once and never changed; nothing checks it again afterwards. */
export const storedAlertJson = (alert: StoredAlert) => ({
  ...alertJson(alert),
  seq: alert.seq,
  first_added: alert.createdAt,
  last_changed: alert.createdAt,
  last_checked: null,
});

const warrantJson = (w: WarrantRow) => ({
  id: w.id,
  case_number: w.caseNumber,
  situation: w.situation,
  issued: w.issued,
  made_public: w.madePublic,
  status: w.status,
  status_since: w.statusSince,
});

const OUTSTANDING = new Set(['at_large', 'in_custody']);

/** A wanted person on `today`: the warrants and their status, whether any is outstanding. */
export function personJson(reg: Registry, id: string, today: IsoDate) {
  const s = reg.subjects.get(id)!;
  const warrants = warrantsOn(reg, today).filter((w) => w.subjectId === id);
  return {
    id: s.id,
    name: s.name,
    full_name: s.fullName,
    aliases: s.aliases,
    nationality: s.nationality ?? null,
    gender: s.gender ?? null,
    born: s.born ?? null,
    died: s.died ?? null,
    wanted: warrants.some((w) => OUTSTANDING.has(w.status)),
    warrants: warrants.map(warrantJson),
    sources: s.sources,
    confidence: s.confidence,
    ...UNDATED,
  };
}

/** A person with the states bound to arrest him `today`. */
export const personDetailJson = (reg: Registry, id: string, today: IsoDate) => ({
  ...personJson(reg, id, today),
  bound_states: boundStatesBySubject(reg, today).find((r) => r.subjectId === id)?.states ?? [],
});

/** Where a state stands with the Rome Statute on `today`. */
export function countryJson(reg: Registry, iso2: string, today: IsoDate) {
  const m = reg.memberships.get(iso2);
  const on = membershipOn(m, today);
  return {
    iso2,
    name: reg.countryName(iso2),
    membership: {
      status: on.status,
      deposited: m?.deposited ?? null,
      entry_into_force: m?.entryIntoForce ?? null,
      withdrawal_effective: on.status === 'withdrawn' ? on.effective : null,
      withdrawal_pending: on.status === 'party' && on.withdrawal ? on.withdrawal : null,
    },
    ...UNDATED,
  };
}

/** The law engine's answer, whole. */
export const dutyJson = (d: Duty) => ({
  subject_id: d.subjectId,
  country_iso2: d.iso2,
  date: d.date,
  kind: d.kind,
  basis: d.basis.map((b) => ({
    ground: b.ground,
    effect: b.effect,
    warrant_id: b.warrantId,
    provisions: b.provisions,
    since: b.since,
    detail: b.detail,
  })),
  caveats: d.caveats.map((c) => ({ code: c.code, text: c.text })),
  warrants: d.warrants.map((w) => ({
    id: w.id,
    case_number: w.caseNumber ?? null,
    situation: w.situation,
    status: w.status,
    issued: w.issued ?? null,
    made_public: w.madePublic ?? null,
  })),
  explanation: d.explanation,
});

/** The ledger, each entry's trip with its times: `stored` holds the trips it was made of, by id. */
/** A ledger: each trip (in the caller's shape: the API's stored trip, the CLI's) beside its verdict. */
export const ledgerJson = <T>(ledger: Ledger, tripJson: (t: TripRecord) => T) => ({
  entries: ledger.entries.map((e) => ({
    trip: tripJson(e.trip),
    outcome: e.outcome,
    verdict: e.verdict,
    finding_ids: e.findings.map((f) => f.id),
  })),
  findings: ledger.findings.map((f) => ({
    id: f.id,
    country_iso2: f.country,
    subject_ids: f.subjects,
    decided: f.decided,
    chamber: f.chamber,
    outcome: f.outcome,
    summary: f.summary,
  })),
});
