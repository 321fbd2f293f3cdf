/**
 * @module jobs/scheduler
 * The watch's schedule over a Queue: each source is a `poll` job keyed by its id (never two polls
 * of one source at once), run up to a concurrency limit so different hosts are read side by side
 * (the fetcher's per-host gate still spaces requests to one host); after the polls, one pass of the
 * record → feeds → webhooks → chores steps. `once` polls what is due and reports; `run` keeps going.
 */
import type { Clock } from '../ingest/fetch/politeness.js';
import type { Source } from '../ingest/sources.js';
import type { TripRecord } from '../events/index.js';
import type { DeliverSummary } from './delivery.js';
import type { IngestSummary } from './ingest.js';
import type { Queue } from './queue.js';
import type { RecordPendingResult } from './record.js';

/** How one poll of a source ended: its summary, or why the poll itself threw. */
export interface PollOutcome {
  source: Source;
  summary?: IngestSummary;
  error?: string;
}

/** The steps after the polls, and what they did. */
export interface AfterPolls {
  recorded: RecordPendingResult;
  tripsChanged: number;
  sent: DeliverSummary;
}

export interface PassSteps {
  record(): Promise<RecordPendingResult>;
  /** The record's trips, before and after the record step, to count the ones it changed. */
  trips(): Promise<TripRecord[]>;
  writeFeeds(): Promise<unknown>;
  deliver(): Promise<DeliverSummary>;
  /** Upkeep after the deliveries (the comments' purge and reply e-mails); paces itself. */
  chores?(): Promise<unknown>;
}

export interface SchedulerDeps {
  queue: Queue;
  clock: Clock;
  poll(source: Source): Promise<IngestSummary>;
  steps: PassSteps;
  /** Polls in hand at once. */
  concurrency: number;
  onPolled?(outcome: PollOutcome): void;
  onPass?(after: AfterPolls): void;
}

export interface OnceReport {
  polled: PollOutcome[];
  /** The steps after the polls; absent when nothing was due. */
  after?: AfterPolls;
  /** When nothing was due: the source polled next, and when. */
  next?: { source: Source; at: Date };
}

/** A poll that read nothing at all (no entry, not even "unchanged") and failed. */
export function pollFailed(o: PollOutcome): boolean {
  if (o.error !== undefined || !o.summary) return true;
  const s = o.summary;
  return s.new + s.duplicate + s.skipped + s.notModified === 0 && s.failed.length > 0;
}

/** When a source is due: its last poll plus its interval; at once when never polled. */
const dueAt = (s: Source, lastRun: ReadonlyMap<string, number>) =>
  (lastRun.get(s.id) ?? -Infinity) + s.everyMinutes * 60_000;

/** Sources due at `now`, given when each was last polled. */
export function dueSources(sources: readonly Source[], lastRun: ReadonlyMap<string, number>, now: number) {
  return sources.filter((s) => s.enabled && dueAt(s, lastRun) <= now);
}

/** The enabled source due soonest, and when. */
export function nextDue(sources: readonly Source[], lastRun: ReadonlyMap<string, number>) {
  const next = sources.filter((s) => s.enabled).sort((a, b) => dueAt(a, lastRun) - dueAt(b, lastRun))[0];
  return next ? { source: next, at: new Date(dueAt(next, lastRun)) } : undefined;
}

/** Trips new, gone or different after the record step. */
export function changedTrips(before: readonly TripRecord[], after: readonly TripRecord[]): number {
  const was = new Map(before.map((t) => [t.id, JSON.stringify(t)]));
  const now = new Set(after.map((t) => t.id));
  const changed = after.filter((t) => was.get(t.id) !== JSON.stringify(t)).length;
  return changed + before.filter((t) => !now.has(t.id)).length;
}

/** record → feeds (when alerts were raised) → webhooks → chores, as `ingest` and `watch` run them. */
export async function afterPolls(steps: PassSteps): Promise<AfterPolls> {
  const before = await steps.trips();
  const recorded = await steps.record();
  const tripsChanged = recorded.articles ? changedTrips(before, await steps.trips()) : 0;
  if (recorded.alerts.length) await steps.writeFeeds();
  const sent = await steps.deliver();
  await steps.chores?.();
  return { recorded, tripsChanged, sent };
}

const POLL = 'poll';
const PASS = 'record';
/** The pause between two passes of the steps after polls in a long watch (webhook retries too). */
export const PASS_EVERY_SECONDS = 15;
/** A poll that throws (not a failed fetch: those are in its summary) is tried again this often. */
const POLL_RETRIES = { retryLimit: 2, retryDelay: 60, retryBackoff: true } as const;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createScheduler(deps: SchedulerDeps) {
  /** Polls one source as a job: reports the outcome once the job is done with, however it ended. */
  const pollWorker = (sources: readonly Source[], settled: (o: PollOutcome) => void) =>
    deps.queue.work<{ sourceId: string }>(POLL, { localConcurrency: deps.concurrency }, async (jobs) => {
      for (const job of jobs) {
        const source = sources.find((s) => s.id === job.data.sourceId);
        if (!source) continue;
        try {
          settled({ source, summary: await deps.poll(source) });
        } catch (e) {
          if (job.retryCount >= job.retryLimit) settled({ source, error: message(e) });
          throw e;
        }
      }
    });

  return {
    /** Polls every due source once, then runs the steps after polls; stops early on `signal`. */
    async once(
      sources: readonly Source[],
      lastRun: ReadonlyMap<string, number>,
      signal?: AbortSignal,
    ): Promise<OnceReport> {
      const due = dueSources(sources, lastRun, deps.clock.now());
      if (!due.length) {
        const next = nextDue(sources, lastRun);
        return { polled: [], ...(next ? { next } : {}) };
      }
      const outcomes = new Map<string, PollOutcome>();
      let allDone = (): void => {};
      const done = new Promise<void>((resolve) => (allDone = resolve));
      const aborted = new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve()));
      await pollWorker(due, (o) => {
        outcomes.set(o.source.id, o);
        deps.onPolled?.(o);
        if (outcomes.size === due.length) allDone();
      });
      for (const s of due) await deps.queue.send(POLL, { sourceId: s.id }, { singletonKey: s.id });
      await Promise.race([done, aborted]);
      await deps.queue.stop();
      const polled = due.flatMap((s) => outcomes.get(s.id) ?? []);
      if (signal?.aborted) return { polled };
      return { polled, after: await afterPolls(deps.steps) };
    },

    /**
     * Polls each source on its interval and passes the steps after polls every 15 s, until `signal`
     * aborts; then waits for the jobs in hand and resolves.
     */
    async run(sources: readonly Source[], lastRun: ReadonlyMap<string, number>, signal: AbortSignal) {
      const { queue, clock } = deps;
      const pollAt = (s: Source, at: number) =>
        queue.send(
          POLL,
          { sourceId: s.id },
          { singletonKey: s.id, startAfter: new Date(at), ...POLL_RETRIES },
        );
      await pollWorker(sources, (o) => {
        deps.onPolled?.(o);
        // Sent while this poll still runs: it waits its turn under the source's key.
        if (!signal.aborted) pollAt(o.source, clock.now() + o.source.everyMinutes * 60_000).catch(() => {});
      });
      await queue.work(PASS, {}, async () => {
        try {
          const after = await afterPolls(deps.steps); // not inside onPass?.(…): that skips it when unset
          deps.onPass?.(after);
        } finally {
          if (!signal.aborted)
            await queue.send(PASS, {}, { singletonKey: PASS, startAfter: PASS_EVERY_SECONDS });
        }
      });
      const now = clock.now();
      for (const s of sources.filter((x) => x.enabled)) await pollAt(s, Math.max(now, dueAt(s, lastRun)));
      await queue.send(PASS, {}, { singletonKey: PASS });
      if (!signal.aborted)
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
      await queue.stop();
    },
  };
}
