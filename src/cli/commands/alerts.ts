/**
 * @module cli/commands/alerts
 * `warrant-watch alerts [--since <time>] [--json]`: the alerts raised, in the order they were.
 */
import type { Command } from 'commander';
import type { StoredAlert } from '../../store/index.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { printJson, table } from '../output.js';
import { alertJson } from '../record-json.js';
import { openRecordStore } from '../stores.js';

export function registerAlerts(program: Command, ctx: CliContext): void {
  program
    .command('alerts')
    .description(
      'the alerts raised: upcoming visits, arrivals, departures without arrest, cancellations, arrests',
    )
    .option('--since <time>', 'only alerts raised at or after this day or ISO time')
    .option('--json', 'print an array of alerts')
    .action(async (opts: { since?: string; json?: boolean }) => {
      if (opts.since !== undefined && Number.isNaN(Date.parse(opts.since)))
        throw new UsageError(`--since must be a day (YYYY-MM-DD) or an ISO time, not "${opts.since}"`);
      const store = await openRecordStore(ctx);
      let alerts: StoredAlert[];
      try {
        alerts = await store.listAlerts(opts.since ? { since: opts.since } : {});
      } finally {
        await store.close();
      }
      if (opts.json) return printJson(ctx.out, alerts.map(alertJson));
      if (!alerts.length) return void ctx.out.write('no alerts\n');
      ctx.out.write(
        table(
          ['raised', 'kind', 'trip', 'after article'],
          alerts.map((a) => [a.createdAt, a.kind, a.tripId, a.articleId]),
        ),
      );
    });
}
