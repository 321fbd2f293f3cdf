/**
 * @module cli/record-json
 * The record's trips and alerts as `--json` prints them (snake_case, as `extract --json` does);
 * the shapes of `replay --json`, and of `trips --json` and `alerts --json` when they come.
 */
import { dutyOfTrip, outcomeOf, type TripRecord } from '../events/index.js';
import type { Registry } from '../model.js';

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

/** An alert as `--json` prints it: the shape a webhook receives (alerts/webhook). */
export { alertJson } from '../alerts/index.js';
