/**
 * @module jobs/test-clock
 * A clock for tests of timed work: time stands still until the test advances it, and the sleeps
 * due by then wake in order, each after the work it releases has run as far as it can.
 */
import type { Clock } from '../ingest/fetch/politeness.js';

interface Timer {
  at: number;
  wake: () => void;
}

export interface TestClock extends Clock {
  /** Moves time forward by `ms`, waking each sleep that falls due on the way. */
  advance(ms: number): Promise<void>;
  /** Sleeps not yet woken (aborted ones are gone). */
  pending(): number;
}

/** Lets every promise chain the last wake-up started run until it waits on I/O or a timer. */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function testClock(start = Date.UTC(2026, 10, 27, 12)): TestClock {
  let t = start;
  let timers: Timer[] = [];
  const remove = (timer: Timer) => (timers = timers.filter((x) => x !== timer));
  return {
    now: () => t,
    sleep: (ms, signal) =>
      new Promise<void>((resolve) => {
        if (signal?.aborted) return resolve();
        const timer: Timer = { at: t + Math.max(0, ms), wake: resolve };
        timers.push(timer);
        signal?.addEventListener('abort', () => (remove(timer), resolve()), { once: true });
      }),
    advance: async (ms) => {
      const end = t + ms;
      await settle();
      for (;;) {
        const next = timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        t = Math.max(t, next.at);
        remove(next);
        next.wake();
        await settle();
      }
      t = end;
      await settle();
    },
    pending: () => timers.length,
  };
}
