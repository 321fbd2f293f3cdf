/**
 * @module web/render-cache
 * What the site rendered from the record, kept while the record's public version is unchanged
 * (store/public-version: every write the public sees moves it on, in any process). A page costs
 * its queries and its rendering once per change of the record instead of once per reader: the
 * difference between a hundred readers a second and thousands when a trip is in the news.
 *
 * - One making at a time: readers asking for a value being made wait for it instead of making
 *   it again (two hundred readers of a new page do not run its queries two hundred times).
 * - A kept value is given out for at most `maxAgeMs`, whatever the version: that bounds what a
 *   crash between a write and its version's move can leave stale.
 * - The version is read once for all the readers asking at the same moment.
 * - Kept values are bounded in bytes; the least recently used go first. A value bigger than
 *   `maxEntryBytes` (a whole-record export) is made for each reader and never kept.
 */

export interface RenderCacheOptions<T> {
  /** The record's public version (Store.publicVersion). */
  version: () => Promise<number>;
  /** The size of a value, in bytes, for the bounds below. */
  sizeOf: (value: T) => number;
  maxAgeMs: number;
  maxBytes: number;
  maxEntryBytes: number;
  /** Milliseconds on a clock that only moves forward. */
  clock: () => number;
}

interface Kept<T> {
  value: T;
  version: number;
  at: number;
  bytes: number;
}

/** What claim() gives a reader: the value, or the task of making it (call `done` when made or failed). */
export type Claim<T> = { value: T; done?: never } | { value?: never; done: (value: T | undefined) => void };

export class RenderCache<T> {
  private readonly kept = new Map<string, Kept<T>>();
  private readonly making = new Map<string, Promise<T | undefined>>();
  private bytes = 0;
  private versionRead: Promise<number> | undefined;

  constructor(private readonly opts: RenderCacheOptions<T>) {}

  /** The value kept for `key`, made by `make` when none is kept at the current version. */
  async get(key: string, make: () => Promise<T>): Promise<T> {
    const claim = await this.claim(key);
    if (!claim.done) return claim.value;
    try {
      const value = await make();
      claim.done(value);
      return value;
    } catch (e) {
      claim.done(undefined);
      throw e;
    }
  }

  /**
   * The value kept for `key` at the current version, waiting for one another reader is making;
   * else this reader is the one to make it, and the others asking meanwhile wait for its `done`.
   */
  async claim(key: string): Promise<Claim<T>> {
    const version = await this.version();
    const hit = this.kept.get(key);
    if (hit && hit.version === version && this.opts.clock() - hit.at < this.opts.maxAgeMs) {
      this.kept.delete(key); // most recently used last
      this.kept.set(key, hit);
      return { value: hit.value };
    }
    const id = flight(key, version);
    for (let pending = this.making.get(id); pending; pending = this.making.get(id)) {
      const value = await pending;
      if (value !== undefined) return { value };
    }
    return { done: this.begin(id, key, version) };
  }

  private begin(id: string, key: string, version: number): (value: T | undefined) => void {
    let finish!: (value: T | undefined) => void;
    this.making.set(id, new Promise((resolve) => (finish = resolve)));
    let settled = false;
    return (value) => {
      if (settled) return;
      settled = true;
      this.making.delete(id);
      if (value !== undefined) this.keep(key, version, value);
      finish(value);
    };
  }

  /** The record's public version, read once for every reader asking while a read is on its way. */
  private version(): Promise<number> {
    return (this.versionRead ??= this.opts.version().finally(() => (this.versionRead = undefined)));
  }

  private keep(key: string, version: number, value: T): void {
    const old = this.kept.get(key);
    if (old && old.version > version) return; // made from an older record than the one kept
    const bytes = this.opts.sizeOf(value);
    if (old) this.drop(key, old);
    if (bytes > this.opts.maxEntryBytes) return;
    this.kept.set(key, { value, version, at: this.opts.clock(), bytes });
    this.bytes += bytes;
    for (const [k, v] of this.kept) {
      if (this.bytes <= this.opts.maxBytes) break;
      this.drop(k, v);
    }
  }

  private drop(key: string, kept: Kept<T>): void {
    this.kept.delete(key);
    this.bytes -= kept.bytes;
  }

  /** How many values and bytes are kept (for tests and the benchmark). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.kept.size, bytes: this.bytes };
  }
}

const flight = (key: string, version: number) => `${version}\u0000${key}`;
