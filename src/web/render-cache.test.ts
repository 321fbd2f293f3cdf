import { describe, expect, it } from 'vitest';
import { RenderCache } from './render-cache.js';

/** A cache over a version and a clock the test moves, counting how often each key is made. */
function setup(opts: { maxBytes?: number; maxEntryBytes?: number } = {}) {
  const state = { version: 1, now: 0, reads: 0 };
  const made = new Map<string, number>();
  const cache = new RenderCache<string>({
    version: async () => (state.reads++, state.version),
    sizeOf: (s) => s.length,
    maxAgeMs: 1000,
    maxBytes: opts.maxBytes ?? 100,
    maxEntryBytes: opts.maxEntryBytes ?? 50,
    clock: () => state.now,
  });
  const make =
    (key: string, value = `${key}@${state.version}`) =>
    async () => {
      made.set(key, (made.get(key) ?? 0) + 1);
      await new Promise((r) => setImmediate(r));
      return value;
    };
  return { state, made, cache, make };
}

describe('the render cache', () => {
  it('makes a value once while the version stays, and again when it moves', async () => {
    const { state, made, cache, make } = setup();
    expect(await cache.get('home', make('home'))).toBe('home@1');
    expect(await cache.get('home', make('home'))).toBe('home@1');
    expect(made.get('home')).toBe(1);
    state.version = 2;
    expect(await cache.get('home', make('home'))).toBe('home@2');
    expect(made.get('home')).toBe(2);
  });

  it('lets readers asking at once wait for one making, with one read of the version', async () => {
    const { state, made, cache, make } = setup();
    const all = await Promise.all(Array.from({ length: 20 }, () => cache.get('home', make('home'))));
    expect(new Set(all)).toEqual(new Set(['home@1']));
    expect(made.get('home')).toBe(1);
    expect(state.reads).toBe(1);
  });

  it('gives a kept value out for at most its maximum age, whatever the version', async () => {
    const { state, made, cache, make } = setup();
    await cache.get('home', make('home'));
    state.now = 999;
    await cache.get('home', make('home'));
    expect(made.get('home')).toBe(1);
    state.now = 1000;
    await cache.get('home', make('home'));
    expect(made.get('home')).toBe(2);
  });

  it('keeps nothing of a failed making, and the readers waiting get its error', async () => {
    const { made, cache } = setup();
    let n = 0;
    const failing = async () => {
      n++;
      await new Promise((r) => setImmediate(r));
      throw new Error('no such trip');
    };
    const both = await Promise.allSettled([cache.get('t', failing), cache.get('t', failing)]);
    expect(both.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(n).toBeGreaterThanOrEqual(1);
    expect(cache.size.entries).toBe(0);
    expect(made.size).toBe(0);
  });

  it('stays within its bytes, the least recently used going first, and keeps no value too big', async () => {
    const { made, cache, make } = setup({ maxBytes: 100, maxEntryBytes: 50 });
    const v = (c: string) => c.repeat(40);
    await cache.get('a', make('a', v('a')));
    await cache.get('b', make('b', v('b')));
    await cache.get('a', make('a', v('a'))); // a is now the most recently used
    await cache.get('c', make('c', v('c'))); // 120 bytes: b goes
    expect(cache.size).toEqual({ entries: 2, bytes: 80 });
    await cache.get('a', make('a', v('a')));
    await cache.get('b', make('b', v('b')));
    expect([made.get('a'), made.get('b'), made.get('c')]).toEqual([1, 2, 1]);
    await cache.get('big', make('big', 'x'.repeat(60)));
    await cache.get('big', make('big', 'x'.repeat(60)));
    expect(made.get('big')).toBe(2);
  });

  it('does not replace a value with one made from an older record', async () => {
    const { state, cache } = setup();
    const first = await cache.claim('k'); // a reader starts making it at version 1...
    state.version = 2;
    await cache.get('k', async () => 'new'); // ...another makes and keeps it at 2 meanwhile
    first.done?.('old'); // the first one finishes last
    expect(await cache.get('k', async () => 'made again')).toBe('new');
  });
});
