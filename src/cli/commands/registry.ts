/**
 * @module cli/commands/registry
 * `warrant-watch registry check`: validates every curated data file (the registry and the
 * lexicons) and prints what it holds; a lexicon entry the extractor would leave out fails it.
 */
import type { Command } from 'commander';
import { LexiconDataError, loadLexicons } from '../../extract/lexicon/index.js';
import type { CliContext } from '../context.js';
import { printJson, table } from '../output.js';

export function registerRegistry(program: Command, ctx: CliContext): void {
  program
    .command('registry')
    .description('inspect the curated registry')
    .command('check')
    .description('validate every data file in data/registry and data/lexicons and count its records')
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
      const lex = loadLexicons();
      if (lex.problems.length) throw new LexiconDataError(lex.problems);
      const lexicons = Object.fromEntries(
        lex.all.map((l) => [l.lang, Object.values(l.cues).reduce((n, phrases) => n + phrases.length, 0)]),
      );
      if (opts.json) return printJson(ctx.out, { ok: true, counts, lexicons });
      ctx.out.write(
        `registry ok\n\n${table(
          ['records', 'count'],
          Object.entries(counts).map(([k, v]) => [k, String(v)]),
        )}\nlexicons ok\n\n${table(
          ['language', 'cue phrases'],
          Object.entries(lexicons).map(([k, v]) => [k, String(v)]),
        )}`,
      );
    });
}
