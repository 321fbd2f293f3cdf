import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type AddCommentRequest, type Store } from '../store/index.js';
import { periodicPurge, PURGE_EVERY_MS, purgeStaleComments } from './comment-purge.js';
import { MemoryQueue } from './memory-queue.js';
import { createScheduler } from './scheduler.js';
import { testClock } from './test-clock.js';

const DAY = 86_400_000;
const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 27, 12);

let store: Store;
beforeAll(async () => {
  store = await openStore({ url: 'sqlite::memory:', migrate: true });
});
afterAll(() => store.close());

const add = (over: Partial<AddCommentRequest>) =>
  store.addComment({
    target: 'trip:t1',
    kind: 'comment',
    name: 'Ann',
    emailKey: 'k',
    body: 'Waiting.',
    state: 'pending',
    held: 'first_time',
    createdAt: new Date(T0).toISOString(),
    ...over,
  });
const at = (ms: number) => new Date(ms).toISOString();
const exists = async (id: string) => (await store.getComment({ id })) !== undefined;

describe('the purge of comments no moderator decided on', () => {
  it('counts in a dry run, then removes those pending for longer than the days given', async () => {
    const stale = await add({ createdAt: at(T0 - 8 * DAY) });
    const fresh = await add({ createdAt: at(T0 - 6 * DAY) });
    const deps = { store, now: () => new Date(T0) };
    const dry = await purgeStaleComments(deps, { days: 7, dryRun: true });
    expect(dry).toEqual({ before: at(T0 - 7 * DAY), purged: [stale.id], dryRun: true });
    expect(await exists(stale.id)).toBe(true);
    expect((await purgeStaleComments(deps, { days: 7 })).purged).toEqual([stale.id]);
    expect([await exists(stale.id), await exists(fresh.id)]).toEqual([false, true]);
  });

  it('runs in the watcher at most once an hour of its clock', async () => {
    const clock = testClock(T0);
    const now = () => new Date(clock.now());
    const old = await add({ createdAt: at(T0 - 31 * DAY) });
    // Thirty days old half an hour into the watch: the purge an hour in takes it, not the first.
    const later = await add({ createdAt: at(T0 - 30 * DAY + 30 * MIN) });
    const kept = await add({ createdAt: at(T0 - 40 * DAY), state: 'published' });
    const purge = periodicPurge({ store, now }, 30);
    const runs: string[][] = [];
    const stop = new AbortController();
    const scheduler = createScheduler({
      queue: new MemoryQueue(clock),
      clock,
      poll: async () => {
        throw new Error('no sources');
      },
      steps: {
        record: async () => ({ articles: 0, alerts: [], failed: [] }),
        trips: async () => [],
        writeFeeds: async () => 0,
        deliver: async () => ({ delivered: 0, retried: 0, dead: 0 }),
        chores: async () => {
          const r = await purge();
          if (r) runs.push(r.purged);
        },
      },
      concurrency: 1,
    });
    const running = scheduler.run([], new Map(), stop.signal);
    await clock.advance(PURGE_EVERY_MS - MIN);
    expect(runs).toEqual([[old.id]]);
    expect(await exists(later.id)).toBe(true);
    await clock.advance(2 * MIN);
    expect(runs).toEqual([[old.id], [later.id]]);
    expect([await exists(later.id), await exists(kept.id)]).toEqual([false, true]);
    stop.abort();
    await running;
  });
});
