/**
 * @module cli/commands/registry
 * `warrant-watch registry check`: validates every curated data file and prints what it holds.
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { printJson, table } from '../output.js';

export function registerRegistry(program: Command, ctx: CliContext): void {
  program
    .command('registry')
    .description('inspect the curated registry')
    .command('check')
    .description('validate every data file in data/registry and count its records')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const reg = ctx.registry();
      const counts = {
        memberships: reg.memberships.size,
        situations: reg.situations.size,
        declarations: reg.declarations.length,
        referrals: reg.referrals.length,
        subjects: reg.subjects.size,
        warrants: reg.warrants.length,
        trips: reg.trips.length,
        findings: reg.findings.size,
        countries: reg.countries.length,
      };
      if (opts.json) return printJson(ctx.out, { ok: true, counts });
      ctx.out.write(
        `registry ok\n\n${table(
          ['records', 'count'],
          Object.entries(counts).map(([k, v]) => [k, String(v)]),
        )}`,
      );
    });
}
