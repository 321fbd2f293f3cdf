/**
 * @module events/window
 * When a claim says the journey happens, as a span of days, so that claims about one journey meet
 * and claims about journeys years apart do not. A claim that gives its days spans them, with a
 * little slack for a day read one off (more for a plan: plans slip); one that gives none reaches
 * from its publication day as far as its status can: a plan is announced months ahead, an arrival
 * is reported within days, a departure or a cancellation may be told weeks later.
 */
import { dayNumber } from '../law/index.js';
import type { Claim, CuratedTrip, TripRecordStatus } from './types.js';

/** Epoch days, both ends included. */
export interface Span {
  from: number;
  to: number;
}

/** Days before and after the publication day that a claim without a day may be about. */
const UNDATED_REACH: Record<TripRecordStatus, { back: number; ahead: number }> = {
  planned: { back: 0, ahead: 180 },
  cancelled: { back: 60, ahead: 180 },
  remote: { back: 60, ahead: 180 },
  under_way: { back: 10, ahead: 3 },
  completed: { back: 60, ahead: 0 },
};

/** Slack around printed days: one day for a day read across a time zone, two weeks for a plan. */
const DATED_SLACK: Record<TripRecordStatus, number> = {
  planned: 14,
  cancelled: 14,
  remote: 2,
  under_way: 2,
  completed: 2,
};

export interface ClaimSpan {
  span: Span;
  /** The span comes from printed days, not from the publication day. */
  dated: boolean;
}

export function claimSpan(claim: Claim, status: TripRecordStatus): ClaimSpan {
  const { start, end } = claim.event;
  if (start || end) {
    const slack = DATED_SLACK[status];
    const from = dayNumber((start ?? end)!);
    const to = dayNumber((end ?? start)!);
    return { span: { from: Math.min(from, to) - slack, to: Math.max(from, to) + slack }, dated: true };
  }
  const day = dayNumber(claim.article.published);
  const reach = UNDATED_REACH[status];
  return { span: { from: day - reach.back, to: day + reach.ahead }, dated: false };
}

/** The days of a curated trip, with the slack of printed days; a month-only record spans its month. */
export function curatedSpan(c: CuratedTrip): Span {
  if (!c.start) {
    const first = dayNumber(`${c.month!}-01`);
    const [y, m] = c.month!.split('-').map(Number) as [number, number];
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { from: first, to: first + days - 1 };
  }
  const slack = DATED_SLACK[c.status];
  return { from: dayNumber(c.start) - slack, to: dayNumber(c.end ?? c.start) + slack };
}

export const overlaps = (a: Span, b: Span): boolean => a.from <= b.to && b.from <= a.to;

export const hull = (a: Span, b: Span): Span => ({
  from: Math.min(a.from, b.from),
  to: Math.max(a.to, b.to),
});

/** Days between the middles of two spans: how near two candidate journeys are. */
export const distance = (a: Span, b: Span): number => Math.abs(a.from + a.to - (b.from + b.to)) / 2;
