import { describe, expect, it } from 'vitest';
import { curatedTrips } from '../events/index.js';
import { loadRegistry } from '../registry/index.js';
import { openStore, type Store } from '../store/index.js';
import { extract } from '../testing/extract.js';
import { recordArticle, recordPending, type RecordDeps } from './record.js';
import { printed } from '../testing/articles.js';

const reg = loadRegistry();

const PLAN = {
  id: 'plan',
  publishedAt: '2026-08-27',
  text: 'Russian President Vladimir Putin will visit Mongolia on September 3, the Kremlin said on Thursday.',
};
const ARRIVAL = {
  id: 'arrival',
  publishedAt: '2026-09-03',
  text: 'Vladimir Putin arrived in Ulaanbaatar on Thursday evening for an official visit to Mongolia.',
};

/** A fresh store and the record step's deps, with the clock at `clock.now`. */
async function setUp(clock: { now: string }) {
  const store = await openStore({ url: 'sqlite::memory:', migrate: true, now: () => new Date(clock.now) });
  const deps: RecordDeps & { store: Store } = {
    store,
    extract,
    reg,
    curated: curatedTrips(reg.trips),
    now: () => new Date(clock.now),
  };
  return { store, deps };
}

async function read(store: Store, a: typeof PLAN, at: string) {
  await store.saveArticle(
    printed({
      id: a.id,
      draft: {
        url: `https://news.example/${a.id}`,
        source: 'test',
        text: a.text,
        publishedAt: a.publishedAt,
      },
      fetchedAt: at,
    }),
  );
}

describe('the record step', () => {
  it('makes one trip of a plan and a later arrival, warning after the first and on arrival after the second', async () => {
    const clock = { now: '2026-08-27T09:00:00Z' };
    const { store, deps } = await setUp(clock);
    await read(store, PLAN, clock.now);
    const first = await recordArticle(deps, 'plan');
    expect(first.alerts.map((a) => a.kind)).toEqual(['upcoming_visit']);
    clock.now = '2026-09-03T20:00:00Z';
    await read(store, ARRIVAL, clock.now);
    const second = await recordArticle(deps, 'arrival');
    expect(second.alerts.map((a) => a.kind)).toEqual(['arrival']);
    const trips = (await store.listTrips({ subjectId: 'putin-vladimir', countryIso2: 'MN' })).filter(
      (t) => !t.curated,
    );
    expect(trips).toHaveLength(1);
    expect(trips[0]!.history.map((h) => `${h.status}@${h.articleId}`)).toEqual([
      'planned@plan',
      'under_way@arrival',
    ]);
    expect(second.alerts[0]!.tripId).toBe(first.alerts[0]!.tripId);
    expect(second.alerts[0]!.duty.kind).toBe('binding');
    await store.close();
  });

  it('gives the same trip when the arrival is read first, and no warning of a visit already begun', async () => {
    const clock = { now: '2026-09-03T20:00:00Z' };
    const { store, deps } = await setUp(clock);
    await read(store, ARRIVAL, clock.now);
    await read(store, PLAN, '2026-09-03T20:05:00Z');
    const run = await recordPending(deps);
    expect(run).toMatchObject({ articles: 2, failed: [] });
    expect(run.alerts.map((a) => a.kind)).toEqual(['arrival']);
    const [trip] = (await store.listTrips({ countryIso2: 'MN' })).filter((t) => !t.curated);
    expect(trip!.history.map((h) => `${h.status}@${h.articleId}`)).toEqual([
      'planned@plan',
      'under_way@arrival',
    ]);
    // Run again: the queue is empty, nothing is raised twice.
    expect(await recordPending(deps)).toEqual({ articles: 0, alerts: [], failed: [] });
    await store.close();
  });

  it('leaves an article whose step failed in the queue, and goes on with the others', async () => {
    const clock = { now: '2026-08-27T09:00:00Z' };
    const { store, deps } = await setUp(clock);
    await read(store, PLAN, clock.now);
    await read(store, ARRIVAL, '2026-08-27T09:01:00Z');
    const broken = {
      ...deps,
      extract: (input: { text: string; published: string | null }) => {
        if (input.text === PLAN.text) throw new Error('extractor broke');
        return extract(input);
      },
    };
    const run = await recordPending(broken);
    expect(run).toMatchObject({ articles: 1, failed: [{ articleId: 'plan', reason: 'extractor broke' }] });
    expect(await store.unrecordedArticles({ limit: 10 })).toEqual(['plan']);
    expect((await recordPending(deps)).articles).toBe(1);
    await store.close();
  });

  it('joins news about a curated trip to it and raises nothing for known history', async () => {
    const clock = { now: '2024-09-03T12:00:00Z' };
    const { store, deps } = await setUp(clock);
    await read(
      store,
      {
        id: 'mn-2024',
        publishedAt: '2024-09-03',
        text: 'Vladimir Putin arrived in Ulaanbaatar on Monday evening for an official visit to Mongolia.',
      },
      clock.now,
    );
    const step = await recordArticle(deps, 'mn-2024');
    expect(step.alerts).toEqual([]);
    const known = await store.getTrip({ id: 'PUT-2024-09-02-MN' });
    expect(known?.evidence.map((e) => e.articleId)).toEqual(['mn-2024']);
    expect(step.trips.filter((t) => t.countryIso2 === 'MN' && !t.curated)).toEqual([]);
    await store.close();
  });
});
