/**
 * @module cli/commands/trips
 * `warrant-watch trips [--subject] [--country] [--status] [--json]`: the record's trips, newest
 * first report first, with the host's duty and what came of each; curated trips are marked.
 */
import type { Command } from 'commander';
import { dutyOfTrip, outcomeOf, type TripRecord, type TripRecordStatus } from '../../events/index.js';
import type { Registry } from '../../model.js';
import { choiceArg, countryArg, subjectArg } from '../args.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { printJson, table } from '../output.js';
import { tripJson } from '../record-json.js';
import { openRecordStore } from '../stores.js';

const STATUSES: readonly TripRecordStatus[] = ['planned', 'under_way', 'completed', 'cancelled', 'remote'];

function row(t: TripRecord, reg: Registry): string[] {
  const days = t.start || t.end ? `${t.start ?? '?'}..${t.end ?? '?'}` : '-';
  return [
    t.curated ? `${t.id} (curated)` : t.review ? `${t.id} (${t.review.state})` : t.id,
    reg.subjects.get(t.subjectId)?.name ?? t.subjectId,
    `${t.countryIso2}${t.city ? ` ${t.city}` : ''}`,
    days,
    t.status,
    dutyOfTrip(reg, t).kind,
    outcomeOf(t),
    String(new Set(t.evidence.map((e) => e.articleId)).size),
  ];
}

export function registerTrips(program: Command, ctx: CliContext): void {
  program
    .command('trips')
    .description("the record's trips: who went where, when, the host's duty and the outcome")
    .option('--subject <person>', 'only this person (id or any name variant)')
    .option('--country <state>', 'only this host state (ISO code or name)')
    .option('--status <status>', `only this status: ${STATUSES.join(', ')}`)
    .option('--limit <n>', 'at most this many (up to 500)', '100')
    .option('--json', 'print an array of trips with history, duty, outcome and evidence')
    .action(
      async (opts: {
        subject?: string;
        country?: string;
        status?: string;
        limit: string;
        json?: boolean;
      }) => {
        const reg = ctx.registry();
        const subjectId = opts.subject === undefined ? undefined : subjectArg(reg, opts.subject).id;
        const countryIso2 = opts.country === undefined ? undefined : countryArg(reg, opts.country).iso2;
        const status = opts.status === undefined ? undefined : choiceArg(opts.status, STATUSES, 'status');
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 500)
          throw new UsageError(`--limit must be a whole number from 1 to 500, not "${opts.limit}"`);
        const store = await openRecordStore(ctx);
        let trips: TripRecord[];
        try {
          trips = await store.listTrips({
            ...(subjectId ? { subjectId } : {}),
            ...(countryIso2 ? { countryIso2 } : {}),
            ...(status ? { status } : {}),
            limit,
          });
        } finally {
          await store.close();
        }
        if (opts.json)
          return printJson(
            ctx.out,
            trips.map((t) => tripJson(t, reg)),
          );
        if (!trips.length) return void ctx.out.write('no trips in the record match\n');
        ctx.out.write(
          table(
            ['trip', 'person', 'state', 'days', 'status', 'duty', 'outcome', 'articles'],
            trips.map((t) => row(t, reg)),
          ),
        );
      },
    );
}
