/**
 * @module cli/commands/states
 * `warrant-watch states --on <date>`: the States Parties on a date, with withdrawals under way.
 */
import type { Command } from 'commander';
import { membershipOn } from '../../law/index.js';
import { parseDate } from '../args.js';
import type { CliContext } from '../context.js';
import { printJson, table } from '../output.js';

export function registerStates(program: Command, ctx: CliContext): void {
  program
    .command('states')
    .description('list the States Parties to the Rome Statute on a date')
    .option('--on <date>', 'the day, YYYY-MM-DD (default: today)')
    .option('--json', 'print JSON')
    .action((opts: { on?: string; json?: boolean }) => {
      const reg = ctx.registry();
      const date = opts.on !== undefined ? parseDate(opts.on, '--on date') : ctx.today();
      const rows = [...reg.memberships.values()]
        .map((m) => ({ m, on: membershipOn(m, date) }))
        .filter(({ on }) => on.status === 'party')
        .map(({ m, on }) => ({
          iso2: m.iso2,
          name: reg.countryName(m.iso2),
          partySince: m.entryIntoForce,
          withdrawal: on.status === 'party' && on.withdrawal ? on.withdrawal : null,
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
      if (opts.json) return printJson(ctx.out, { date, count: rows.length, states: rows });
      ctx.out.write(`${rows.length} States Parties on ${date}\n\n`);
      const note = (w: (typeof rows)[number]['withdrawal']) =>
        !w
          ? ''
          : w.effective
            ? `withdrawal notified ${w.notified}, effective ${w.effective}${w.revoked ? ` (revoked ${w.revoked})` : ''}`
            : `withdrawal announced ${w.announced}`;
      ctx.out.write(
        table(
          ['iso2', 'state', 'party since', 'note'],
          rows.map((r) => [r.iso2, r.name, r.partySince, note(r.withdrawal)]),
        ),
      );
    });
}
