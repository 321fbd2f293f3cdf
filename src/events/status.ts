/**
 * @module events/status
 * The written state machine of a trip's status (DESIGN.md, "The record"):
 *
 *   planned ──► under_way ──► completed
 *      │  └──────────────────────►┘
 *      ├──► cancelled ──► remote
 *      └──► remote        cancelled ──► planned | under_way | completed  (revived by a later report)
 *
 * A claim that names a status the trip cannot move to from where it is (a stale "will visit" after
 * the arrival, "is visiting" after the departure) is kept as evidence and moves nothing.
 */
import type { TripRecordStatus } from './types.js';

const NEXT: Record<TripRecordStatus, readonly TripRecordStatus[]> = {
  planned: ['under_way', 'completed', 'cancelled', 'remote'],
  under_way: ['completed'],
  completed: [],
  cancelled: ['planned', 'under_way', 'completed', 'remote'],
  remote: [],
};

export function canMove(from: TripRecordStatus, to: TripRecordStatus): boolean {
  return NEXT[from].includes(to);
}

/**
 * How far along a journey a status is, for ordering the claims of one article (an article that
 * tells the plan and the arrival moves the trip to the arrival) and for choosing whose dates win:
 * a reported arrival replaces a planned day.
 */
export const STAGE: Record<TripRecordStatus, number> = {
  planned: 0,
  cancelled: 1,
  remote: 2,
  under_way: 3,
  completed: 4,
};

/** Statuses whose claims say the subject was, or is, in the state. */
export const PRESENT: ReadonlySet<TripRecordStatus> = new Set(['under_way', 'completed']);
