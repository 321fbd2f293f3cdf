/**
 * @module web/review/href
 * The review pages' paths, for the pages that link to them (the queue, /moderation).
 */

export const REVIEW_PATH = '/review';

/** A trip's review page: always a path of this site, whatever the id holds. */
export const reviewHref = (tripId: string) => `${REVIEW_PATH}/trips/${encodeURIComponent(tripId)}`;
