/**
 * @module cli/commands/matrix
 * `warrant-watch matrix --on <date>`: every state bound to arrest each wanted person that day.
 */
import type { Command } from 'commander';
import { dutyMatrix } from '../../law/index.js';
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
      const matrix = dutyMatrix(reg, opts.on !== undefined ? parseDate(opts.on, '--on date') : ctx.today());
      if (opts.json) return printJson(ctx.out, matrix);
      const bySubject = new Map<string, string[]>();
      for (const e of matrix.entries)
        bySubject.set(e.subjectId, [...(bySubject.get(e.subjectId) ?? []), e.iso2]);
      const rows = [...bySubject].map(([id, states]) => [
        reg.subjects.get(id)!.name,
        String(states.length),
        states.length > 12 ? `${states.slice(0, 12).join(' ')} ...` : states.join(' '),
      ]);
      ctx.out.write(
        `${matrix.entries.length} binding (person, state) pairs on ${matrix.date}\n\n${table(['person', 'states', 'iso2'], rows)}`,
      );
    });
}
