/**
 * @module cli/commands/watch
 * `warrant-watch watch`: polls every enabled source of the sources file on its own interval until
 * stopped (SIGINT or SIGTERM finish the polls in hand, then exit). `--once` polls what is due once,
 * prints one line per source and per failure and a summary, and exits 1 when every source failed.
 * The schedule itself is src/jobs/scheduler, over the in-process queue.
 */
import type { Command } from 'commander';
import type { Logger } from '../../log.js';
import { systemClock } from '../../ingest/fetch/politeness.js';
import { loadSources } from '../../ingest/sources.js';
import type { IngestSummary } from '../../jobs/ingest.js';
import { MemoryQueue } from '../../jobs/memory-queue.js';
import {
  createScheduler,
  pollFailed,
  type AfterPolls,
  type OnceReport,
  type PollOutcome,
} from '../../jobs/scheduler.js';
import type { RecordPendingResult } from '../../jobs/record.js';
import type { CliContext } from '../context.js';
import { wholeNumberArg } from '../args.js';
import { NothingDoneError } from '../errors.js';
import type { Out } from '../output.js';
import type { DeliverSummary } from '../../jobs/delivery.js';
import type { Services } from '../services.js';
import { printRecorded } from '../summary.js';
import { commentChores } from './comments-chores.js';

/** The pipeline's services, loaded when the command runs: `--help` need not pay for them. */
const pipeline = () => import('../services.js');

/** One line per failure: the source, and the reason (with where, when the reason does not say it). */
function failureLine(id: string, f: IngestSummary['failed'][number]): string {
  return `${id}: failed: ${f.reason.includes(f.where) ? f.reason : `${f.where}: ${f.reason}`}\n`;
}

/** A source that read nothing is its failures alone; one that read something, its counts and then them. */
function printPoll(out: Out, o: PollOutcome): void {
  const id = o.source.id;
  if (o.error !== undefined || !o.summary) return out.write(`${id}: failed: ${o.error ?? 'no result'}\n`);
  const s = o.summary;
  const failed = pollFailed(o);
  if (!failed)
    out.write(
      `${id}: new ${s.new}, duplicate ${s.duplicate}, already stored ${s.skipped}, unchanged ${s.notModified}\n`,
    );
  for (const f of s.failed) out.write(`${failed ? '' : '  '}${failureLine(id, f)}`);
}

function printOnce(out: Out, r: OnceReport, sourcesFile: string): void {
  if (!r.polled.length) {
    out.write(
      r.next
        ? `nothing due: next poll of ${r.next.source.id} at ${r.next.at.toISOString()}\n`
        : `nothing due: no enabled source in ${sourcesFile}\n`,
    );
    return;
  }
  for (const o of r.polled) printPoll(out, o);
  const failures = r.polled.reduce((n, o) => n + (o.summary && !o.error ? o.summary.failed.length : 1), 0);
  const fresh = r.polled.reduce((n, o) => n + (o.summary?.new ?? 0), 0);
  if (r.after) {
    printRecorded(out, r.after.recorded);
    const { delivered, retried, dead } = r.after.sent;
    if (delivered + retried + dead)
      out.write(`webhooks: ${delivered} delivered, ${retried} to retry, ${dead} given up\n`);
  }
  out.write(
    `summary: ${r.polled.length} source(s) polled, ${fresh} new article(s), ${failures} failure(s), ` +
      `${r.after?.tripsChanged ?? 0} trip(s) changed, ${r.after?.recorded.alerts.length ?? 0} alert(s) raised\n`,
  );
}

function logPass(log: Logger, a: AfterPolls): void {
  const { recorded, sent } = a;
  if (recorded.articles || recorded.failed.length)
    log.info(
      {
        articles: recorded.articles,
        trips_changed: a.tripsChanged,
        alerts: recorded.alerts.length,
        failed: recorded.failed.length,
      },
      'record updated',
    );
  if (sent.delivered + sent.retried + sent.dead) log.info({ ...sent }, 'webhooks sent');
}

function logPoll(log: Logger, o: PollOutcome): void {
  const s = o.summary;
  log.info(
    s
      ? { source_id: o.source.id, new: s.new, duplicate: s.duplicate, failed: s.failed.length }
      : { source_id: o.source.id, error: o.error },
    'source polled',
  );
}

/** The scheduler over the in-process queue, polling through the store and fetcher of `services`. */
async function schedulerFor(
  ctx: CliContext,
  services: Services,
  deliver: () => Promise<DeliverSummary>,
  concurrency: number,
) {
  const { store, log } = services.deps;
  const [{ recorder, feedWriter }, { ingestSource }] = await Promise.all([
    pipeline(),
    import('../../jobs/ingest.js'),
  ]);
  // The extractor (a few seconds to load) only once something was polled: not for "nothing due".
  // Loading it syncs the registry's curated trips: before the first snapshot of the trips, so
  // that sync is not counted as trips changed by the news.
  let recordPass: (() => Promise<RecordPendingResult>) | undefined;
  const loadRecord = async () => (recordPass ??= await recorder(ctx, store));
  return createScheduler({
    queue: new MemoryQueue(systemClock),
    clock: systemClock,
    concurrency,
    poll: (source) => ingestSource(services.deps, source),
    steps: {
      record: async () => (await loadRecord())(),
      trips: async () => {
        await loadRecord();
        return store.listTrips({ includeSuperseded: true });
      },
      writeFeeds: feedWriter(ctx, services.config, store),
      deliver,
      chores: commentChores(services.config, store, ctx.registry(), log),
    },
    onPolled: (o) => logPoll(log, o),
    onPass: (a) => logPass(log, a),
  });
}

/** `--once` reports on stdout; its log keeps errors only (each failure is printed once), unless debug. */
function quietFor(log: Logger): Logger {
  const { info = 30, error = 50 } = log.levels.values;
  return log.levelVal >= info && log.levelVal < error ? log.child({}, { level: 'error' }) : log;
}

/** What a continuous watch needs: the sources file, how many at once, and when to stop. */
export interface WatchOptions {
  sourcesFile: string;
  concurrency: number;
  signal: AbortSignal;
}

/**
 * Polls the sources on their intervals until `signal` aborts (the polls in hand finish first),
 * resuming the schedule where the last run left it; for `watch` and for `serve`.
 */
export async function watchUntil(ctx: CliContext, services: Services, opts: WatchOptions): Promise<void> {
  const send = (await pipeline()).deliverer(services.config, services.deps.store);
  try {
    const sources = loadSources(opts.sourcesFile);
    const scheduler = await schedulerFor(ctx, services, send.run, opts.concurrency);
    await scheduler.run(sources, await lastRuns(services), opts.signal);
  } finally {
    await send.close();
  }
}

/** When each source was last polled, so a restart does not poll everything at once. */
async function lastRuns(services: Services): Promise<Map<string, number>> {
  const lastRun = new Map<string, number>();
  for (const s of await services.deps.store.listSources({}))
    if (s.lastFetchedAt) lastRun.set(s.id, Date.parse(s.lastFetchedAt));
  return lastRun;
}

/** `--concurrency`, checked. */
export const concurrencyOf = (value: string): number => wholeNumberArg('--concurrency', value, 1, 64);

export function registerWatch(program: Command, ctx: CliContext): void {
  program
    .command('watch')
    .description('poll the configured sources on their schedules and store what they publish')
    .option('--sources <file>', 'the sources file (default: WW_SOURCES_FILE or data/sources.yaml)')
    .option('--once', 'poll every source that is due once, then exit')
    .option(
      '--concurrency <n>',
      'sources polled at once (one host is still asked one request at a time)',
      '8',
    )
    .action(async (opts: { sources?: string; once?: boolean; concurrency: string }) => {
      const concurrency = concurrencyOf(opts.concurrency);
      const services = await (await pipeline()).openServices(ctx);
      const sourcesFile = opts.sources ?? services.config.sourcesFile;
      const stopping = new AbortController();
      const stop = () => stopping.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        if (!opts.once)
          return await watchUntil(ctx, services, { sourcesFile, concurrency, signal: stopping.signal });
        const sources = loadSources(sourcesFile);
        const deps = { ...services.deps, log: quietFor(services.deps.log) };
        const send = (await pipeline()).deliverer(services.config, services.deps.store);
        try {
          const scheduler = await schedulerFor(ctx, { ...services, deps }, send.run, concurrency);
          const report = await scheduler.once(sources, await lastRuns(services), stopping.signal);
          printOnce(ctx.out, report, sourcesFile);
          const failed = report.polled.filter(pollFailed).length;
          if (report.polled.length && failed === report.polled.length)
            throw new NothingDoneError(`every source failed (${failed}); nothing was read`);
        } finally {
          await send.close();
        }
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await services.close();
      }
    });
}
