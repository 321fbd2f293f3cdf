/**
 * @module web/pages/fixture
 * The record the pages' tests read: the registry's curated trips of Putin, and news of a trip of
 * his to Mongolia planned for ten days after the site's clock (2026-12-04), told in words and
 * links that try to break the page (markup, a script URL, a quote that closes an attribute), with
 * its alert raised.
 */
import { curatedTrips, dutyOfTrip, mergeTrips, type TripRecord } from '../../events/index.js';
import type { Registry } from '../../model.js';
import type { Store } from '../../store/index.js';
import { claim } from '../../testing/claims.js';

/** Text from the news that must come out as text. */
export const HOSTILE = '<script>alert("x")</script>';
/** A link from the news that must not become a script. */
export const SCRIPT_URL = 'javascript:alert(1)';
/** A link from the news that tries to close its attribute. */
export const BREAKING_URL = 'https://news.example/a?b="><img src=x onerror=alert(1)>';

export interface Filled {
  /** The planned trip to Mongolia the news told. */
  planned: TripRecord;
}

export async function fillRecord(store: Store, reg: Registry): Promise<Filled> {
  const first = claim('a1', '2026-12-01', 'planned', {
    city: `Ulaanbaatar ${HOSTILE}`,
    start: '2026-12-14',
    evidence: [{ start: 0, end: 10, text: `Putin will visit Mongolia ${HOSTILE}` }],
  });
  first.article.url = BREAKING_URL;
  const second = claim('a2', '2026-12-02', 'planned', {
    start: '2026-12-14',
    evidence: [{ start: 0, end: 10, text: 'The Kremlin confirmed the visit' }],
  });
  second.article.url = SCRIPT_URL;
  const curated = curatedTrips(reg.trips).filter((c) => c.subjectId === 'putin-vladimir');
  const trips = await store.replaceTrips({
    subjectId: 'putin-vladimir',
    trips: mergeTrips([first, second], curated),
  });
  const planned = trips.find((t) => t.status === 'planned' && t.countryIso2 === 'MN')!;
  await store.raiseAlerts({
    alerts: [
      {
        id: `${planned.id}:upcoming_visit`,
        kind: 'upcoming_visit',
        tripId: planned.id,
        subjectId: 'putin-vladimir',
        countryIso2: 'MN',
        evidence: { articleId: 'a1', published: '2026-12-01' },
        duty: dutyOfTrip(reg, planned),
        createdAt: '2026-12-01T10:00:00.000Z',
        articleId: 'a1',
      },
    ],
  });
  return { planned };
}
