/**
 * @module jobs/replay
 * A backtest: articles go through the live pipeline's record step (jobs/record) in publication
 * order, with the clock at each article's publication, on a fresh in-memory store that holds no
 * curated trips (a replay must not know what happened after its clock). Each alert is raised once,
 * by the article after which the record first warrants it, so the replay shows how early the live
 * system would have warned.
 */
import { dayNumber } from '../law/index.js';
import { byFirstReport, byPublication, publicationTime, type TripRecord } from '../events/index.js';
import type { Extractor } from '../extract/eval/index.js';
import { fingerprint } from '../ingest/dedup/index.js';
import type { Registry } from '../model.js';
import { openStore, type StoredAlert } from '../store/index.js';
import { recordArticle } from './record.js';

export interface ReplayArticle {
  id: string;
  url: string;
  title?: string;
  /** A day or an ISO date-time. */
  published: string;
  text: string;
}

export interface LeadTime {
  tripId: string;
  /** Days from the first `upcoming_visit` alert to the first day of the trip. */
  days: number;
}

export interface ReplayResult {
  trips: TripRecord[];
  alerts: StoredAlert[];
  leadTimes: LeadTime[];
  /** Articles not read again: exact copies (the same text) of one read before. */
  copies: { id: string; of: string }[];
}

export async function replay(
  articles: readonly ReplayArticle[],
  extract: Extractor,
  reg: Registry,
): Promise<ReplayResult> {
  let clock = new Date(0);
  const store = await openStore({ url: 'sqlite::memory:', migrate: true, now: () => clock });
  try {
    const trips = new Map<string, TripRecord[]>();
    const alerts: StoredAlert[] = [];
    const copies: ReplayResult['copies'] = [];
    for (const a of [...articles].sort(byPublication)) {
      clock = new Date(publicationTime(a.published));
      const saved = await store.saveArticle({
        id: a.id,
        draft: {
          url: a.url || `urn:replay:${a.id}`,
          source: 'replay',
          text: a.text,
          publishedAt: a.published,
          ...(a.title ? { title: a.title } : {}),
        },
        fingerprint: fingerprint(a.text),
        fetchedAt: clock.toISOString(),
      });
      if (saved.kind === 'duplicate' && saved.reason !== 'near_duplicate') {
        copies.push({ id: a.id, of: saved.of });
        continue;
      }
      const step = await recordArticle({ store, extract, reg, curated: [], now: () => clock }, a.id);
      // The step gives every trip of each person the article speaks of: those replace the last.
      for (const subjectId of new Set(step.trips.map((t) => t.subjectId)))
        trips.set(
          subjectId,
          step.trips.filter((t) => t.subjectId === subjectId),
        );
      alerts.push(...step.alerts);
    }
    const all = [...trips.values()].flat().sort(byFirstReport);
    return { trips: all, alerts, leadTimes: leadTimes(all, alerts), copies };
  } finally {
    await store.close();
  }
}

function leadTimes(trips: readonly TripRecord[], alerts: readonly StoredAlert[]): LeadTime[] {
  const out: LeadTime[] = [];
  for (const trip of trips) {
    const warned = alerts.find((a) => a.tripId === trip.id && a.kind === 'upcoming_visit');
    const arrived = trip.history.some((h) => h.status === 'under_way' || h.status === 'completed');
    if (warned && arrived && trip.start)
      out.push({ tripId: trip.id, days: dayNumber(trip.start) - dayNumber(warned.createdAt) });
  }
  return out;
}
