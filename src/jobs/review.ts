/**
 * @module jobs/review
 * An analyst's decision on a trip: checked against the record, written with its audit entry (the
 * trips it concerns before and after), then the person's trips are made anew with it applied.
 */
import { AppError, type ErrorStatus } from '../errors.js';
import {
  applyReviews,
  type CuratedTrip,
  type Review,
  type ReviewAction,
  type ReviewInput,
  type TripRecord,
} from '../events/index.js';
import type { Store } from '../store/index.js';
import { projectSubject } from './record.js';

export type { ReviewInput };

/** A review that cannot be applied: to no trip (404), to a trip already decided (409), or malformed (400). */
export class ReviewError extends AppError {
  override readonly name = 'ReviewError';
  readonly status: ErrorStatus;
  constructor(
    readonly code: 'trip_not_found' | 'already_reviewed' | 'bad_review',
    message: string,
  ) {
    super(message);
    this.status = code === 'trip_not_found' ? 404 : code === 'already_reviewed' ? 409 : 400;
  }
}

export interface ReviewDeps {
  store: Pick<Store, 'getTrip' | 'listTrips' | 'addReview' | 'claimsAbout' | 'reviewsAbout' | 'replaceTrips'>;
  curated: readonly CuratedTrip[];
  now: () => Date;
  newId: () => string;
}

const articlesOf = (t: TripRecord) => [...new Set(t.evidence.map((e) => e.articleId))];

async function actionFor(deps: ReviewDeps, trip: TripRecord, input: ReviewInput): Promise<ReviewAction> {
  switch (input.kind) {
    case 'confirm':
      return {
        kind: 'confirm',
        fields: { status: trip.status, start: trip.start, end: trip.end, city: trip.city },
      };
    case 'reject':
      return { kind: 'reject' };
    case 'edit':
      if (!Object.keys(input.set).length)
        throw new ReviewError(
          'bad_review',
          'an edit needs a field to set: --status, --start, --end or --city',
        );
      if (trip.curated)
        throw new ReviewError(
          'bad_review',
          `${trip.id} is a curated trip: edit data/registry/trips.yaml instead`,
        );
      return { kind: 'edit', set: input.set };
    case 'merge': {
      const into = await deps.store.getTrip({ id: input.into });
      if (!into) throw new ReviewError('trip_not_found', `no trip ${input.into} to merge ${trip.id} into`);
      if (into.id === trip.id) throw new ReviewError('bad_review', 'a trip cannot be merged into itself');
      if (into.subjectId !== trip.subjectId || into.countryIso2 !== trip.countryIso2)
        throw new ReviewError('bad_review', `${trip.id} and ${into.id} are not of the same person and state`);
      return { kind: 'merge', into: into.id, intoArticles: articlesOf(into) };
    }
    case 'split': {
      const mine = new Set(articlesOf(trip));
      const unknown = input.articleIds.filter((a) => !mine.has(a));
      if (unknown.length)
        throw new ReviewError('bad_review', `not evidence of ${trip.id}: ${unknown.join(', ')}`);
      if (!input.articleIds.length || input.articleIds.length >= mine.size)
        throw new ReviewError(
          'bad_review',
          `a split takes some of the trip's ${mine.size} articles, not none or all`,
        );
      return { kind: 'split', articleIds: input.articleIds };
    }
  }
}

/** Records the decision and returns the person's trips after it. */
export async function reviewTrip(
  deps: ReviewDeps,
  req: { tripId: string; input: ReviewInput; by: string; why: string | null },
): Promise<{ review: Review; trips: TripRecord[] }> {
  const trip = await deps.store.getTrip({ id: req.tripId });
  if (!trip) throw new ReviewError('trip_not_found', `no trip ${req.tripId} in the record`);
  if (trip.review?.state === 'rejected' || trip.review?.state === 'merged')
    throw new ReviewError(
      'already_reviewed',
      `${trip.id} was ${trip.review.state} on ${trip.review.at} by ${trip.review.by}`,
    );
  const action = await actionFor(deps, trip, req.input);
  const review: Review = {
    id: deps.newId(),
    tripId: trip.id,
    subjectId: trip.subjectId,
    articles: articlesOf(trip),
    action,
    by: req.by,
    at: deps.now().toISOString(),
    why: req.why,
  };
  const current = await deps.store.listTrips({
    subjectId: trip.subjectId,
    includeSuperseded: true,
    limit: 500,
  });
  const concerned = (ts: readonly TripRecord[]) =>
    ts.filter(
      (t) =>
        t.id === trip.id ||
        (action.kind === 'merge' && t.id === action.into) ||
        t.id.startsWith(`${trip.id}~`),
    );
  const after = applyReviews(current, [review]);
  await deps.store.addReview({ review, before: concerned(current), after: concerned(after) });
  return { review, trips: await projectSubject(deps.store, trip.subjectId, deps.curated) };
}
