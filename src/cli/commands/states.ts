/**
 * @module cli/commands/states
 * `warrant-watch states --on <date>`: the States Parties on a date, with withdrawals under way.
 */
import type { Command } from 'commander';
import { statesPartiesOn, type StatePartyRow } from '../../law/index.js';
import { parseDate } from '../args.js';
import type { CliContext } from '../context.js';
import { printJson, table } from '../output.js';

function note(w: StatePartyRow['withdrawal']): string {
  if (!w) return '';
  if (w.effective)
    return `withdrawal notified ${w.notified}, effective ${w.effective}${w.revoked ? ` (revoked ${w.revoked})` : ''}`;
  return `withdrawal announced ${w.announced}`;
}

export function registerStates(program: Command, ctx: CliContext): void {
  program
    .command('states')
    .description('list the States Parties to the Rome Statute on a date')
    .option('--on <date>', 'the day, YYYY-MM-DD (default: today)')
    .option('--json', 'print JSON')
    .action((opts: { on?: string; json?: boolean }) => {
      const date = opts.on !== undefined ? parseDate(opts.on, '--on date') : ctx.today();
      const rows = statesPartiesOn(ctx.registry(), date);
      if (opts.json) return printJson(ctx.out, { date, count: rows.length, states: rows });
      ctx.out.write(`${rows.length} States Parties on ${date}\n\n`);
      ctx.out.write(
        table(
          ['iso2', 'state', 'party since', 'note'],
          rows.map((r) => [r.iso2, r.name, r.partySince, note(r.withdrawal)]),
        ),
      );
    });
}
