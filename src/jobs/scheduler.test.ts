import { describe, expect, it } from 'vitest';
import type { TripRecord } from '../events/index.js';
import type { Source } from '../ingest/sources.js';
import { emptySummary, type IngestSummary } from './ingest.js';
import { MemoryQueue } from './memory-queue.js';
import {
  changedTrips,
  createScheduler,
  dueSources,
  nextDue,
  pollFailed,
  type PassSteps,
} from './scheduler.js';
import { settle, testClock, type TestClock } from './test-clock.js';

const s = (id: string, everyMinutes: number, enabled = true): Source => ({
  id,
  kind: 'feed',
  url: `https://example.org/${id}`,
  title: id,
  lang: 'en',
  everyMinutes,
  enabled,
});

const MIN = 60_000;

/** Steps after polls that count their calls and record nothing. */
function steps(): PassSteps & { passes: number } {
  const st = {
    passes: 0,
    record: async () => {
      st.passes++;
      return { articles: 0, alerts: [], failed: [] };
    },
    trips: async () => [],
    writeFeeds: async () => 0,
    deliver: async () => ({ delivered: 0, retried: 0, dead: 0 }),
  };
  return st;
}

const read = (n: number): IngestSummary => ({ ...emptySummary(), new: n });

describe('dueSources and nextDue', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  it('polls a source never polled, and one whose interval has passed', () => {
    const last = new Map([
      ['b', now - 31 * MIN],
      ['c', now - 10 * MIN],
    ]);
    expect(dueSources([s('a', 30), s('b', 30), s('c', 30)], last, now).map((x) => x.id)).toEqual(['a', 'b']);
  });
  it('never polls a disabled source', () => {
    expect(dueSources([s('a', 30, false)], new Map(), now)).toEqual([]);
  });
  it('names the enabled source due soonest, and when', () => {
    const last = new Map([
      ['a', now - 10 * MIN],
      ['b', now - 25 * MIN],
      ['c', now - 29 * MIN],
    ]);
    const next = nextDue([s('a', 30), s('b', 30), s('c', 30, false)], last);
    expect([next?.source.id, next?.at.getTime()]).toEqual(['b', now + 5 * MIN]);
    expect(nextDue([s('a', 30, false)], last)).toBeUndefined();
  });
});

describe('pollFailed', () => {
  it('is a poll that threw, or read nothing and failed; an unchanged or empty feed is not', () => {
    const failure = { where: 'u', reason: 'timeout' };
    expect(pollFailed({ source: s('a', 30), error: 'boom' })).toBe(true);
    expect(pollFailed({ source: s('a', 30), summary: { ...emptySummary(), failed: [failure] } })).toBe(true);
    expect(pollFailed({ source: s('a', 30), summary: { ...read(1), failed: [failure] } })).toBe(false);
    expect(pollFailed({ source: s('a', 30), summary: { ...emptySummary(), notModified: 1 } })).toBe(false);
    expect(pollFailed({ source: s('a', 30), summary: emptySummary() })).toBe(false);
  });
});

describe('changedTrips', () => {
  const trip = (id: string, status: string) => ({ id, status }) as unknown as TripRecord;
  it('counts trips new, changed and gone, not those left as they were', () => {
    const before = [trip('a', 'planned'), trip('b', 'planned'), trip('c', 'planned')];
    const after = [trip('a', 'planned'), trip('b', 'arrived'), trip('d', 'planned')];
    expect(changedTrips(before, after)).toBe(3);
    expect(changedTrips(before, before)).toBe(0);
  });
});

describe('scheduler.once', () => {
  /** Polls that wait until the test lets each source through. */
  function heldPolls() {
    const waiting = new Map<string, () => void>();
    let inFlight = 0;
    let most = 0;
    const poll = async (source: Source) => {
      most = Math.max(most, ++inFlight);
      await new Promise<void>((resolve) => waiting.set(source.id, resolve));
      inFlight--;
      if (source.id.startsWith('bad')) throw new Error(`${source.id} exploded`);
      return read(1);
    };
    const release = (id: string) => waiting.get(id)?.();
    return { poll, release, waiting, most: () => most };
  }

  it('polls the due sources side by side up to the limit, then runs the steps after polls once', async () => {
    const clock = testClock();
    const held = heldPolls();
    const st = steps();
    const sources = ['a', 'b', 'bad-c', 'd', 'e'].map((id) => s(id, 30));
    const scheduler = createScheduler({
      queue: new MemoryQueue(clock),
      clock,
      poll: held.poll,
      steps: st,
      concurrency: 2,
    });
    const done = scheduler.once(sources, new Map([['e', clock.now()]]));
    await settle();
    expect([...held.waiting.keys()]).toEqual(['a', 'b']);
    // Released out of order: each freed slot takes the next source.
    for (const id of ['b', 'a', 'bad-c', 'd']) {
      held.release(id);
      await settle();
    }
    const report = await done;
    expect(held.most()).toBe(2);
    expect(st.passes).toBe(1);
    expect(report.polled.map((o) => [o.source.id, o.summary?.new ?? o.error])).toEqual([
      ['a', 1],
      ['b', 1],
      ['bad-c', 'bad-c exploded'], // no retry within one pass: the next pass is the retry
      ['d', 1],
    ]);
  });

  it('polls nothing and names the next source due when nothing is due', async () => {
    const clock = testClock();
    const st = steps();
    const scheduler = createScheduler({
      queue: new MemoryQueue(clock),
      clock,
      poll: async () => read(1),
      steps: st,
      concurrency: 8,
    });
    const last = new Map([
      ['a', clock.now() - 5 * MIN],
      ['b', clock.now() - 20 * MIN],
    ]);
    const report = await scheduler.once([s('a', 30), s('b', 30)], last);
    expect([report.polled, report.next?.source.id, report.next?.at.getTime(), st.passes]).toEqual([
      [],
      'b',
      clock.now() + 10 * MIN,
      0,
    ]);
  });
});

describe('scheduler.run', () => {
  async function watching(clock: TestClock, sources: Source[], last: Map<string, number>) {
    const polls: [string, number][] = [];
    const st = steps();
    const t0 = clock.now();
    const stop = new AbortController();
    const scheduler = createScheduler({
      queue: new MemoryQueue(clock),
      clock,
      poll: async (source) => {
        polls.push([source.id, (clock.now() - t0) / MIN]);
        return read(0);
      },
      steps: st,
      concurrency: 4,
    });
    const running = scheduler.run(sources, last, stop.signal);
    return { polls, st, stop, running };
  }

  it('polls each source at its interval, resuming from its last poll, and passes the steps every 15 s', async () => {
    const clock = testClock();
    const w = await watching(
      clock,
      [s('a', 30), s('b', 60), s('off', 5, false)],
      new Map([['b', clock.now() - 50 * MIN]]),
    );
    await clock.advance(61 * MIN);
    expect(w.polls).toEqual([
      ['a', 0],
      ['b', 10],
      ['a', 30],
      ['a', 60],
    ]);
    expect(w.st.passes).toBe(61 * 4 + 1);
    w.stop.abort();
    await w.running;
  });

  it('on stop, waits for the poll in hand and polls nothing more', async () => {
    const clock = testClock();
    const t0 = clock.now();
    let release = (): void => {};
    const polled: string[] = [];
    const stop = new AbortController();
    const scheduler = createScheduler({
      queue: new MemoryQueue(clock),
      clock,
      poll: async (source) => {
        polled.push(source.id);
        await new Promise<void>((resolve) => (release = resolve));
        return read(0);
      },
      steps: steps(),
      concurrency: 1,
    });
    let ended = false;
    const running = scheduler
      .run([s('a', 30), s('b', 30)], new Map(), stop.signal)
      .then(() => (ended = true));
    await settle();
    stop.abort();
    await settle();
    expect([polled, ended]).toEqual([['a'], false]);
    release();
    await running;
    await clock.advance(120 * MIN);
    expect([polled, ended, clock.now() - t0]).toEqual([['a'], true, 120 * MIN]);
  });
});
