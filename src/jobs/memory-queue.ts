/**
 * @module jobs/memory-queue
 * The in-process Queue for the SQLite default: jobs kept in memory (the schedule is rebuilt from
 * the store's last fetch times at start), one timer for the next due job on an injected clock,
 * each worker limited to its localConcurrency.
 */
import type { Clock } from '../ingest/fetch/politeness.js';
import {
  retryDelayMs,
  type Job,
  type JobState,
  type JobWithState,
  type Queue,
  type SendOptions,
  type WorkHandler,
  type WorkOptions,
} from './queue.js';

interface Entry extends JobWithState<unknown> {
  options: SendOptions;
  seq: number;
}

interface Worker {
  id: string;
  name: string;
  batchSize: number;
  concurrency: number;
  handler: WorkHandler<unknown>;
  running: number;
}

/** What a handler or getJobById sees of an entry: a copy, so it cannot change the queue's state. */
const jobOf = <T>(j: Entry): Job<T> => ({
  id: j.id,
  name: j.name,
  data: j.data as T,
  singletonKey: j.singletonKey,
  retryCount: j.retryCount,
  retryLimit: j.retryLimit,
});

const waiting = (s: JobState) => s === 'created' || s === 'retry';
/** Finished jobs kept for getJobById; older ones are dropped so a long watch does not grow. */
const KEEP_FINISHED = 1000;

export class MemoryQueue implements Queue {
  private readonly jobs = new Map<string, Entry>();
  private readonly finished: string[] = [];
  private readonly workers: Worker[] = [];
  private readonly running = new Set<Promise<void>>();
  private timer: { at: number; abort: AbortController } | undefined;
  private stopped = false;
  private seq = 0;

  constructor(private readonly clock: Clock) {}

  send<T>(name: string, data: T, options: SendOptions = {}): Promise<string | null> {
    if (this.stopped) return Promise.reject(new Error(`queue stopped: cannot send ${name}`));
    const key = options.singletonKey ?? null;
    if (key !== null && this.find((j) => j.name === name && j.singletonKey === key && waiting(j.state)))
      return Promise.resolve(null);
    const now = this.clock.now();
    const startAfter =
      options.startAfter instanceof Date
        ? options.startAfter
        : new Date(now + (options.startAfter ?? 0) * 1000);
    const seq = ++this.seq;
    const id = `${name}-${seq}`;
    this.jobs.set(id, {
      id,
      name,
      data,
      singletonKey: key,
      retryCount: 0,
      retryLimit: options.retryLimit ?? 0,
      state: 'created',
      startAfter,
      output: null,
      options,
      seq,
    });
    this.pump();
    return Promise.resolve(id);
  }

  work<T>(name: string, options: WorkOptions, handler: WorkHandler<T>): Promise<string> {
    const worker: Worker = {
      id: `worker-${this.workers.length + 1}`,
      name,
      batchSize: Math.max(1, options.batchSize ?? 1),
      concurrency: Math.max(1, options.localConcurrency ?? 1),
      handler: handler as WorkHandler<unknown>,
      running: 0,
    };
    this.workers.push(worker);
    this.pump();
    return Promise.resolve(worker.id);
  }

  getJobById<T>(name: string, id: string): Promise<JobWithState<T> | null> {
    const j = this.jobs.get(id);
    if (!j || j.name !== name) return Promise.resolve(null);
    return Promise.resolve({ ...jobOf<T>(j), state: j.state, startAfter: j.startAfter, output: j.output });
  }

  async stop(options: { graceful?: boolean } = {}): Promise<void> {
    this.stopped = true;
    this.timer?.abort.abort();
    this.timer = undefined;
    if (options.graceful ?? true) await Promise.all([...this.running]);
  }

  private find(test: (j: Entry) => boolean): Entry | undefined {
    for (const j of this.jobs.values()) if (test(j)) return j;
    return undefined;
  }

  /** Starts every job that is due and has a free worker, then sets the timer for the next one. */
  private pump(): void {
    if (this.stopped) return;
    const now = this.clock.now();
    for (const w of this.workers)
      while (w.running < w.concurrency) {
        const batch = this.take(w, now);
        if (!batch.length) break;
        this.start(w, batch);
      }
    this.arm(now);
  }

  /** The due jobs of a worker's queue, oldest due first, none whose key is already running. */
  private take(w: Worker, now: number): Entry[] {
    const busy = new Set<string>();
    for (const j of this.jobs.values())
      if (j.name === w.name && j.state === 'active' && j.singletonKey !== null) busy.add(j.singletonKey);
    const due = [...this.jobs.values()]
      .filter((j) => j.name === w.name && waiting(j.state) && j.startAfter.getTime() <= now)
      .sort((a, b) => a.startAfter.getTime() - b.startAfter.getTime() || a.seq - b.seq);
    const batch: Entry[] = [];
    for (const j of due) {
      if (batch.length >= w.batchSize) break;
      if (j.singletonKey !== null && busy.has(j.singletonKey)) continue;
      if (j.singletonKey !== null) busy.add(j.singletonKey);
      batch.push(j);
    }
    return batch;
  }

  private start(w: Worker, batch: Entry[]): void {
    w.running++;
    for (const j of batch) j.state = 'active';
    const views = batch.map((j) => jobOf(j));
    // The handler starts on a later tick, so a send() it makes never re-enters this pump.
    const run: Promise<void> = Promise.resolve()
      .then(() => w.handler(views))
      .then(
        (output) => batch.forEach((j) => this.finish(j, 'completed', batch.length === 1 ? output : null)),
        (e: unknown) => batch.forEach((j) => this.failed(j, e)),
      )
      .finally(() => {
        w.running--;
        this.running.delete(run);
        this.pump();
      });
    this.running.add(run);
  }

  private failed(j: Entry, e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    if (j.retryCount >= j.retryLimit) return this.finish(j, 'failed', { message });
    j.retryCount++;
    j.state = 'retry';
    j.output = { message };
    j.startAfter = new Date(this.clock.now() + retryDelayMs(j.options, j.retryCount));
  }

  private finish(j: Entry, state: 'completed' | 'failed', output: unknown): void {
    j.state = state;
    j.output = output ?? null;
    this.finished.push(j.id);
    while (this.finished.length > KEEP_FINISHED) this.jobs.delete(this.finished.shift() as string);
  }

  /** One timer, for the earliest job not yet due that a worker would take. */
  private arm(now: number): void {
    let at = Infinity;
    const names = new Set(this.workers.map((w) => w.name));
    for (const j of this.jobs.values())
      if (names.has(j.name) && waiting(j.state) && j.startAfter.getTime() > now)
        at = Math.min(at, j.startAfter.getTime());
    if (this.timer && this.timer.at <= at) return;
    this.timer?.abort.abort();
    this.timer = undefined;
    if (at === Infinity) return;
    const abort = new AbortController();
    this.timer = { at, abort };
    void this.clock.sleep(at - now, abort.signal).then(() => {
      if (this.timer?.abort !== abort) return; // replaced by an earlier one, or stopped
      this.timer = undefined;
      this.pump();
    });
  }
}
