/**
 * @module law/warrant-status
 * What stands on a warrant on a date, read from its status history.
 */
import type { IsoDate, StatusChange, Warrant, WarrantStatus } from '../registry/index.js';

/** Statuses under which a warrant still asks states to arrest and surrender the person. */
const OUTSTANDING: ReadonlySet<WarrantStatus> = new Set(['at_large', 'in_custody']);

/** The status change in force on `date`, or undefined before the warrant (or application) existed. */
export function statusOn(w: Warrant, date: string): StatusChange | undefined {
  let current: StatusChange | undefined;
  for (const change of w.history) {
    if (change.from > date) break;
    current = change;
  }
  return current;
}

export function isOutstanding(status: WarrantStatus | undefined): boolean {
  return status !== undefined && OUTSTANDING.has(status);
}

/**
 * Whether the warrant asks for arrest on `date`. The day of surrender still counts: the state that
 * hands the person over that day is executing its duty, not free of it.
 */
export function isOutstandingOn(w: Warrant, date: string): boolean {
  const s = statusOn(w, date);
  if (isOutstanding(s?.status)) return true;
  if (s?.status !== 'surrendered' || s.from !== date) return false;
  const before = w.history[w.history.indexOf(s) - 1];
  return isOutstanding(before?.status);
}

/** First day the warrant asked for arrest: its first outstanding status. */
export function firstOutstanding(w: Warrant): IsoDate | undefined {
  return w.history.find((h) => OUTSTANDING.has(h.status))?.from;
}
