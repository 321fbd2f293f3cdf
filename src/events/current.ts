/**
 * @module events/current
 * Which trips are news today: planned or under way, and not left behind by time. The record keeps
 * a trip's last reported status forever (a stay nobody reported ending stays "under way"), so a
 * page of upcoming and ongoing trips asks this, not the status alone.
 */
import { addDays } from '../law/index.js';
import { TOUR_DAYS } from './merge.js';
import type { TripRecord } from './types.js';

/** Days after its last report that a trip told without any day is still current. */
export const CURRENT_DAYS = 30;

/**
 * Whether `t` is upcoming or ongoing on `today`: a plan whose day has not passed, a stay that has
 * not ended (one told without its end lasts at most a tour, TOUR_DAYS), or, without any day, one
 * reported within CURRENT_DAYS.
 */
export function isCurrent(t: TripRecord, today: string): boolean {
  if (t.status !== 'planned' && t.status !== 'under_way') return false;
  if (t.end) return t.end >= today;
  // A plan of yesterday nobody reported since may be under way: it stays news a day longer.
  if (t.start) return t.start >= addDays(today, t.status === 'under_way' ? -TOUR_DAYS : -1);
  const reported = (t.history.at(-1)?.published ?? t.firstReported).slice(0, 10);
  return reported >= addDays(today, -CURRENT_DAYS);
}
