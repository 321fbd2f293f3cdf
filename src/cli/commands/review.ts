/**
 * @module cli/commands/review
 * `warrant-watch review <trip> confirm|reject|edit|merge|split`: an analyst's decision on a trip,
 * kept with who took it, when and why, and applied again whenever the trip is re-merged.
 */
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { curatedTrips, type TripFieldsSet, type TripRecordStatus } from '../../events/index.js';
import { ReviewError, reviewTrip, type ReviewInput } from '../../jobs/review.js';
import { choiceArg, parseDate } from '../args.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { printJson } from '../output.js';
import { tripJson } from '../record-json.js';
import { openRecordStore } from '../stores.js';

const ACTIONS = ['confirm', 'reject', 'edit', 'merge', 'split'] as const;
const STATUSES: readonly TripRecordStatus[] = ['planned', 'under_way', 'completed', 'cancelled', 'remote'];

interface Opts {
  why?: string;
  by?: string;
  status?: string;
  start?: string;
  end?: string;
  city?: string;
  into?: string;
  articles?: string;
  json?: boolean;
}

/** "" clears a day or the city; a value sets it. */
const day = (v: string, what: string) => (v === '' ? null : parseDate(v, what));

function inputOf(action: (typeof ACTIONS)[number], o: Opts): ReviewInput {
  switch (action) {
    case 'confirm':
    case 'reject':
      return { kind: action };
    case 'edit': {
      const set: TripFieldsSet = {};
      if (o.status !== undefined) set.status = choiceArg(o.status, STATUSES, 'status');
      if (o.start !== undefined) set.start = day(o.start, '--start');
      if (o.end !== undefined) set.end = day(o.end, '--end');
      if (o.city !== undefined) set.city = o.city.trim() || null;
      return { kind: 'edit', set };
    }
    case 'merge':
      if (!o.into)
        throw new UsageError('merge needs --into <trip id>: the trip this one is the same journey as');
      return { kind: 'merge', into: o.into };
    case 'split': {
      const articleIds = (o.articles ?? '')
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean);
      if (!articleIds.length)
        throw new UsageError('split needs --articles <id,id,...>: the articles of the other journey');
      return { kind: 'split', articleIds };
    }
  }
}

export function registerReview(program: Command, ctx: CliContext): void {
  program
    .command('review')
    .description("an analyst's decision on a trip: confirm, reject, edit, merge into another, split")
    .argument('<trip>', 'the trip id (warrant-watch trips)')
    .argument('<action>', ACTIONS.join('|'))
    .option('--why <text>', 'the reason, kept in the audit log')
    .option('--by <name>', 'who decides (default: $USER)')
    .option('--status <status>', `edit: ${STATUSES.join(', ')}`)
    .option('--start <day>', 'edit: the first day, YYYY-MM-DD ("" to clear)')
    .option('--end <day>', 'edit: the last day, YYYY-MM-DD ("" to clear)')
    .option('--city <name>', 'edit: the city ("" to clear)')
    .option('--into <trip>', 'merge: the trip this one is the same journey as')
    .option('--articles <ids>', 'split: the articles (comma-separated) that tell another journey')
    .option('--json', "print the person's trips after the decision")
    .action(async (tripId: string, actionInput: string, o: Opts) => {
      const action = choiceArg(actionInput, ACTIONS, 'review action');
      const input = inputOf(action, o);
      const by = (o.by ?? ctx.env.USER ?? '').trim();
      if (!by) throw new UsageError('say who decides: --by <name>');
      const store = await openRecordStore(ctx);
      try {
        const { review, trips } = await reviewTrip(
          { store, curated: curatedTrips(ctx.registry().trips), now: () => new Date(), newId: randomUUID },
          { tripId, input, by, why: o.why?.trim() || null },
        );
        if (o.json)
          return printJson(
            ctx.out,
            trips.map((t) => tripJson(t, ctx.registry())),
          );
        ctx.out.write(
          `${review.action.kind} of ${review.tripId} recorded (review ${review.id}, by ${review.by})\n`,
        );
      } catch (e) {
        if (e instanceof ReviewError) throw new UsageError(e.message);
        throw e;
      } finally {
        await store.close();
      }
    });
}
