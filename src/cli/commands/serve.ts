/**
 * @module cli/commands/serve
 * `warrant-watch serve`: the dashboard, the API and the feeds on the configured store (the
 * registry's curated record loaded), and the watcher polling the sources beside it unless
 * `--no-watch`. Prints the address; SIGINT or SIGTERM stop taking requests, let those in flight
 * and the polls in hand finish, then close the store.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { Command } from 'commander';
import { readConfig } from '../../config.js';
import { curatedTrips } from '../../events/index.js';
import { createLogger } from '../../log.js';
import type { CliContext } from '../context.js';
import { wholeNumberArg } from '../args.js';
import { openRecordStore } from '../stores.js';

const portOf = (value: string): number => wholeNumberArg('--port', value, 0, 65_535);

export function registerServe(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('serve the dashboard, the API and the feeds, and watch the sources')
    .option('--port <n>', 'the port to listen on (default: WW_PORT or 8080; 0 for any free port)')
    .option('--host <address>', 'the address to listen on (default: WW_HOST or 127.0.0.1)')
    .option('--no-watch', 'serve only: do not poll the sources')
    .option('--sources <file>', 'the sources file the watcher polls (default: WW_SOURCES_FILE)')
    .option('--concurrency <n>', 'sources polled at once', '8')
    .action(
      async (opts: {
        port?: string;
        host?: string;
        watch: boolean;
        sources?: string;
        concurrency: string;
      }) => {
        const config = readConfig(ctx.env);
        const port = opts.port === undefined ? config.port : portOf(opts.port);
        const [
          { buildServer },
          { concurrencyOf, watchUntil },
          { openServices },
          { webhookTargetCheck },
          { reviewTrip },
        ] = await Promise.all([
          import('../../web/server.js'),
          import('./watch.js'),
          import('../services.js'),
          import('../../jobs/delivery.js'),
          import('../../jobs/review.js'),
        ]);
        const concurrency = concurrencyOf(opts.concurrency);
        const log = createLogger(config.logLevel);
        const store = await openRecordStore(ctx);
        const app = await buildServer({
          store,
          registry: ctx.registry(),
          now: () => new Date(),
          log,
          publicUrl: config.publicUrl,
          feedsDir: config.feedsDir,
          secret: config.secret,
          ...(config.trustProxy ? { trustProxy: config.trustProxy } : {}),
          // Users' webhook URLs meet the address rules the deliverer sends under (cli/services).
          checkWebhookUrl: webhookTargetCheck({ allowPrivateAddresses: config.allowPrivateAddresses }),
          // The analysts' decisions on the web, taken as `warrant-watch review` takes them.
          review: (req) =>
            reviewTrip(
              {
                store,
                curated: curatedTrips(ctx.registry().trips),
                now: () => new Date(),
                newId: randomUUID,
              },
              req,
            ),
          replyMail: config.smtpUrl !== undefined,
        });
        const stopping = new AbortController();
        const stop = () => stopping.abort();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        const services = opts.watch ? await openServices(ctx) : undefined;
        try {
          const address = await app.listen({ port, host: opts.host ?? config.host });
          ctx.out.write(
            `warrant-watch is serving at ${address}${opts.watch ? ', and watching the sources' : ''}\n`,
          );
          const watching = services
            ? watchUntil(ctx, services, {
                sourcesFile: opts.sources ?? config.sourcesFile,
                concurrency,
                signal: stopping.signal,
              }).catch((e: unknown) => {
                // The dashboard stays up when the watcher cannot run (a bad sources file): said once.
                log.error({ error: e instanceof Error ? e.message : String(e) }, 'the watcher stopped');
              })
            : undefined;
          if (!stopping.signal.aborted) await once(stopping.signal, 'abort');
          await app.close(); // stops taking requests, lets those in flight finish
          await watching;
        } finally {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          await services?.close();
          await store.close();
        }
      },
    );
}
