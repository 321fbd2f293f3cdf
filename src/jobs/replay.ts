/**
 * @module jobs/replay
 * A backtest: articles go through extraction, merging and the alert rules in publication order,
 * with the clock at each article's publication, on a record that starts empty (a replay must not
 * know what happened after its clock). Each alert is raised once, by the article after which the
 * record first warrants it, so the replay shows how early the live system would have warned.
 */
import { alertsFor, type Alert } from '../alerts/index.js';
import { dayNumber } from '../law/index.js';
import { byPublication, dutyOfTrip, mergeTrips, type Claim, type TripRecord } from '../events/index.js';
import type { Extractor } from '../extract/eval/index.js';
import type { Registry } from '../model.js';

export interface ReplayArticle {
  id: string;
  url: string;
  title?: string;
  /** A day or an ISO date-time. */
  published: string;
  text: string;
}

export interface RaisedAlert extends Alert {
  /** The replay clock when it was raised: the publication of the article that raised it. */
  createdAt: string;
  /** The article after which it was raised. */
  articleId: string;
}

export interface LeadTime {
  tripId: string;
  /** Days from the first `upcoming_visit` alert to the first day of the trip. */
  days: number;
}

export interface ReplayResult {
  trips: TripRecord[];
  alerts: RaisedAlert[];
  leadTimes: LeadTime[];
}

export function replay(articles: readonly ReplayArticle[], extract: Extractor, reg: Registry): ReplayResult {
  // Claims grouped by subject (one man's trips bear on each other: he is in one state at a
  // time); an article re-merges only the subjects it speaks of.
  const claims = new Map<string, Claim[]>();
  const trips = new Map<string, TripRecord[]>();
  const alerts = new Map<string, RaisedAlert>();
  for (const article of [...articles].sort(byPublication)) {
    const events = extract({ text: article.text, published: article.published.slice(0, 10) });
    const touched = new Set<string>();
    for (const event of events) {
      if (!event.countryIso2) continue;
      const key = event.subjectId;
      claims.set(key, [...(claims.get(key) ?? []), { article, event }]);
      touched.add(key);
    }
    for (const key of touched) {
      const merged = mergeTrips(claims.get(key)!);
      trips.set(key, merged);
      for (const trip of merged)
        for (const alert of alertsFor(trip, dutyOfTrip(reg, trip), article.published))
          if (!alerts.has(alert.id))
            alerts.set(alert.id, { ...alert, createdAt: article.published, articleId: article.id });
    }
  }
  const all = [...trips.values()]
    .flat()
    .sort((a, b) =>
      byPublication({ published: a.firstReported, id: a.id }, { published: b.firstReported, id: b.id }),
    );
  const raised = [...alerts.values()];
  return { trips: all, alerts: raised, leadTimes: leadTimes(all, raised) };
}

function leadTimes(trips: readonly TripRecord[], alerts: readonly RaisedAlert[]): LeadTime[] {
  const out: LeadTime[] = [];
  for (const trip of trips) {
    const warned = alerts.find((a) => a.tripId === trip.id && a.kind === 'upcoming_visit');
    const arrived = trip.history.some((h) => h.status === 'under_way' || h.status === 'completed');
    if (warned && arrived && trip.start)
      out.push({ tripId: trip.id, days: dayNumber(trip.start) - dayNumber(warned.createdAt) });
  }
  return out;
}
