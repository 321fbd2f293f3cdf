/**
 * @module cli/commands/matrix
 * `warrant-watch matrix --on <date>`: every state bound to arrest each wanted person that day.
 */
import type { Command } from 'commander';
import { boundStatesBySubject, dutyMatrix } from '../../law/index.js';
import { parseDate } from '../args.js';
import type { CliContext } from '../context.js';
import { printJson, table } from '../output.js';

export function registerMatrix(program: Command, ctx: CliContext): void {
  program
    .command('matrix')
    .description('every (person, state) pair with a binding duty to arrest on a date')
    .option('--on <date>', 'the day, YYYY-MM-DD (default: today)')
    .option('--json', 'print JSON')
    .action((opts: { on?: string; json?: boolean }) => {
      const reg = ctx.registry();
      const date = opts.on !== undefined ? parseDate(opts.on, '--on date') : ctx.today();
      if (opts.json) return printJson(ctx.out, dutyMatrix(reg, date));
      const bySubject = boundStatesBySubject(reg, date);
      const pairs = bySubject.reduce((n, r) => n + r.states.length, 0);
      const rows = bySubject.map((r) => [
        r.subject,
        String(r.states.length),
        r.states.length > 12 ? `${r.states.slice(0, 12).join(' ')} ...` : r.states.join(' '),
      ]);
      ctx.out.write(
        `${pairs} binding (person, state) pairs on ${date}\n\n${table(['person', 'states', 'iso2'], rows)}`,
      );
    });
}
