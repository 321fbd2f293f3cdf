import { describe, expect, it } from 'vitest';
import { MemoryQueue } from './memory-queue.js';
import type { Job } from './queue.js';
import { settle, testClock } from './test-clock.js';

/** A promise the test resolves by hand, to hold a job running. */
function gate() {
  let open = (): void => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('MemoryQueue', () => {
  it('runs a job at its due time on the clock, not before', async () => {
    const clock = testClock();
    const t0 = clock.now();
    const q = new MemoryQueue(clock);
    const ranAt: number[] = [];
    await q.work('poll', {}, async () => void ranAt.push(clock.now()));
    await q.send('poll', {}, { startAfter: 60 });
    await q.send('poll', {}, { startAfter: new Date(t0 + 30_000) });
    await clock.advance(29_999);
    expect(ranAt).toEqual([]);
    await clock.advance(1);
    expect(ranAt).toEqual([t0 + 30_000]);
    await clock.advance(30_000);
    expect(ranAt).toEqual([t0 + 30_000, t0 + 60_000]);
    await q.stop();
  });

  it('never runs more handlers at once than the worker’s localConcurrency', async () => {
    const clock = testClock();
    const q = new MemoryQueue(clock);
    const held = gate();
    let inFlight = 0;
    let most = 0;
    let done = 0;
    await q.work<number>('poll', { localConcurrency: 3 }, async () => {
      most = Math.max(most, ++inFlight);
      await held.opened;
      inFlight--;
      done++;
    });
    for (let i = 0; i < 7; i++) await q.send('poll', i);
    await settle();
    expect([inFlight, done]).toEqual([3, 0]);
    held.open();
    await q.stop(); // graceful: the three in hand end; the waiting ones were taken as slots freed
    await settle();
    expect(most).toBe(3);
    expect(done).toBeGreaterThanOrEqual(3);
  });

  it('hands out batches of batchSize, each completing as one', async () => {
    const clock = testClock();
    const q = new MemoryQueue(clock);
    const seen: number[][] = [];
    await q.work<number>('poll', { batchSize: 2 }, async (jobs) => void seen.push(jobs.map((j) => j.data)));
    for (const n of [1, 2, 3]) await q.send('poll', n, { startAfter: 1 });
    await clock.advance(1_000);
    expect(seen).toEqual([[1, 2], [3]]);
    await q.stop();
  });

  it('retries a failing job with backoff, then gives it up with its reason', async () => {
    const clock = testClock();
    const t0 = clock.now();
    const q = new MemoryQueue(clock);
    const tries: { at: number; retry: number }[] = [];
    await q.work('poll', {}, async ([job]: Job<unknown>[]) => {
      tries.push({ at: clock.now() - t0, retry: job?.retryCount ?? -1 });
      throw new Error('connection refused');
    });
    const id = await q.send('poll', {}, { retryLimit: 2, retryDelay: 10, retryBackoff: true });
    await clock.advance(9_000);
    expect((await q.getJobById('poll', id ?? ''))?.state).toBe('retry');
    await clock.advance(60_000);
    expect(tries).toEqual([
      { at: 0, retry: 0 },
      { at: 10_000, retry: 1 },
      { at: 30_000, retry: 2 },
    ]);
    const job = await q.getJobById('poll', id ?? '');
    expect([job?.state, job?.output]).toEqual(['failed', { message: 'connection refused' }]);
    await q.stop();
  });

  it('keeps one job of a singleton key waiting and never two of them running', async () => {
    const clock = testClock();
    const q = new MemoryQueue(clock);
    const held = gate();
    const running: string[] = [];
    await q.work<{ source: string }>('poll', { localConcurrency: 4 }, async ([job]) => {
      running.push(job?.data.source ?? '?');
      await held.opened;
    });
    const first = await q.send('poll', { source: 'bbc' }, { singletonKey: 'bbc', startAfter: 5 });
    expect(await q.send('poll', { source: 'bbc' }, { singletonKey: 'bbc' })).toBeNull(); // one waits already
    await clock.advance(5_000);
    expect(running).toEqual(['bbc']);
    // While it runs, the next one may wait, but does not start beside it, though workers are free.
    const second = await q.send('poll', { source: 'bbc' }, { singletonKey: 'bbc' });
    await q.send('poll', { source: 'tass' }, { singletonKey: 'tass' });
    await clock.advance(0);
    expect(running).toEqual(['bbc', 'tass']);
    expect((await q.getJobById('poll', second ?? ''))?.state).toBe('created');
    held.open();
    await clock.advance(0);
    expect(running).toEqual(['bbc', 'tass', 'bbc']);
    expect((await q.getJobById('poll', first ?? ''))?.state).toBe('completed');
    await q.stop();
  });

  it('stops taking jobs at stop(), and resolves only when the running ones have ended', async () => {
    const clock = testClock();
    const q = new MemoryQueue(clock);
    const held = gate();
    const ended: string[] = [];
    await q.work<string>('poll', {}, async ([job]) => {
      await held.opened;
      ended.push(job?.data ?? '?');
    });
    await q.send('poll', 'running');
    const later = await q.send('poll', 'later', { startAfter: 60 });
    await settle();
    let stopped = false;
    const stopping = q.stop().then(() => (stopped = true));
    await settle();
    expect([stopped, ended]).toEqual([false, []]);
    held.open();
    await stopping;
    await clock.advance(120_000);
    expect([stopped, ended]).toEqual([true, ['running']]);
    expect((await q.getJobById('poll', later ?? ''))?.state).toBe('created');
    expect(clock.pending()).toBe(0); // no timer left behind
    await expect(q.send('poll', 'after')).rejects.toThrow(/stopped/);
  });
});
