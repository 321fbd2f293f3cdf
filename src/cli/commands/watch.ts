/**
 * @module cli/commands/watch
 * `warrant-watch watch`: polls every enabled source of the sources file on its own interval until
 * stopped (SIGINT or SIGTERM finish the source in hand, then exit). `--once` makes one pass.
 */
import type { Command } from 'commander';
import { loadSources, type Source } from '../../ingest/sources.js';
import { ingestSource } from '../../jobs/ingest.js';
import type { CliContext } from '../context.js';
import { deliverer, feedWriter, openServices, printRecorded, recorder } from '../services.js';
import { printSummary } from '../summary.js';

/** Sources due at `now`, given when each was last polled. */
export function dueSources(
  sources: readonly Source[],
  lastRun: ReadonlyMap<string, number>,
  now: number,
): Source[] {
  return sources.filter(
    (s) => s.enabled && now - (lastRun.get(s.id) ?? -Infinity) >= s.everyMinutes * 60_000,
  );
}

export function registerWatch(program: Command, ctx: CliContext): void {
  program
    .command('watch')
    .description('poll the configured sources on their schedules and store what they publish')
    .option('--sources <file>', 'the sources file (default: WW_SOURCES_FILE or data/sources.yaml)')
    .option('--once', 'poll every source that is due once, then exit')
    .action(async (opts: { sources?: string; once?: boolean }) => {
      const services = await openServices(ctx);
      const sources = loadSources(opts.sources ?? services.config.sourcesFile);
      const log = services.deps.log;
      let stopping = false;
      const stop = () => (stopping = true);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      // Resume the schedule where the last run left it, so a restart does not poll everything at once.
      const record = await recorder(ctx, services.deps.store);
      const send = deliverer(services.config, services.deps.store);
      const writeFeedsNow = feedWriter(ctx, services.config, services.deps.store);
      const lastRun = new Map<string, number>();
      for (const s of await services.deps.store.listSources({}))
        if (s.lastFetchedAt) lastRun.set(s.id, Date.parse(s.lastFetchedAt));
      try {
        do {
          for (const source of dueSources(sources, lastRun, Date.now())) {
            if (stopping) break;
            lastRun.set(source.id, Date.now());
            const summary = await ingestSource(services.deps, source);
            log.info(
              {
                source_id: source.id,
                new: summary.new,
                duplicate: summary.duplicate,
                failed: summary.failed.length,
              },
              'source polled',
            );
            if (opts.once) {
              ctx.out.write(`${source.id}: `);
              printSummary(ctx.out, summary, 5);
            }
          }
          if (!stopping) {
            const recorded = await record();
            if (recorded.articles || recorded.failed.length)
              log.info(
                {
                  articles: recorded.articles,
                  alerts: recorded.alerts.length,
                  failed: recorded.failed.length,
                },
                'record updated',
              );
            if (opts.once) printRecorded(ctx.out, recorded);
            if (recorded.alerts.length) await writeFeedsNow();
            const sent = await send.run();
            if (sent.delivered + sent.retried + sent.dead) log.info({ ...sent }, 'webhooks sent');
          }
          if (!opts.once && !stopping) await new Promise((r) => setTimeout(r, 15_000));
        } while (!opts.once && !stopping);
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await send.close();
        await services.close();
      }
    });
}
