/**
 * @module cli/commands/config
 * `warrant-watch config`: every setting with its value (secrets redacted) and what it does.
 */
import type { Command } from 'commander';
import { describeConfig, readConfig } from '../../config.js';
import type { CliContext } from '../context.js';
import { printJson, table } from '../output.js';

export function registerConfig(program: Command, ctx: CliContext): void {
  program
    .command('config')
    .description('print the configuration read from the environment, secrets redacted')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const rows = describeConfig(readConfig(ctx.env));
      if (opts.json) return printJson(ctx.out, rows);
      ctx.out.write(
        table(
          ['variable', 'value', 'description'],
          rows.map((r) => [r.env, r.value, r.description]),
        ),
      );
    });
}
