/**
 * @module cli/commands/warrants
 * `warrant-watch warrants`: every public ICC warrant with its status on a date (today by default).
 */
import type { Command } from 'commander';
import { warrantsOn } from '../../law/index.js';
import type { WarrantStatus } from '../../model.js';
import { choiceArg, parseDate } from '../args.js';
import type { CliContext } from '../context.js';
import { printJson, table } from '../output.js';

const STATUSES: WarrantStatus[] = [
  'application',
  'at_large',
  'in_custody',
  'surrendered',
  'convicted',
  'acquitted',
  'deceased',
  'withdrawn',
  'proceedings_terminated',
];

export function registerWarrants(program: Command, ctx: CliContext): void {
  program
    .command('warrants')
    .description('list public ICC warrants with their status on a date')
    .option('--status <status>', `only warrants with this status (${STATUSES.join(', ')})`)
    .option('--on <date>', 'status on this day, YYYY-MM-DD (default: today)')
    .option('--json', 'print JSON')
    .action((opts: { status?: string; on?: string; json?: boolean }) => {
      const date = opts.on !== undefined ? parseDate(opts.on, '--on date') : ctx.today();
      const wanted = opts.status ? choiceArg(opts.status, STATUSES, 'status') : undefined;
      const rows = warrantsOn(ctx.registry(), date, wanted);
      if (opts.json) return printJson(ctx.out, { date, warrants: rows });
      ctx.out.write(`${rows.length} warrant(s) on ${date}${wanted ? ` with status ${wanted}` : ''}\n\n`);
      ctx.out.write(
        table(
          ['subject', 'status', 'since', 'issued', 'situation'],
          rows.map((r) => [
            r.subject,
            r.status,
            r.statusSince,
            r.issued ?? `public ${r.madePublic}`,
            r.situation,
          ]),
        ),
      );
    });
}
