/**
 * @module cli/commands/duty
 * `warrant-watch duty <subject> <country> <date>`: must this state arrest this person that day?
 */
import type { Command } from 'commander';
import { dutyToArrest, formatDay } from '../../law/index.js';
import type { Duty, Registry } from '../../model.js';
import { countryArg, parseDate, subjectArg } from '../args.js';
import type { CliContext } from '../context.js';
import { bullet, printJson, wrap, type Out } from '../output.js';

const HEADLINE = {
  binding: 'BINDING DUTY TO ARREST',
  urged: 'URGED TO COOPERATE (no binding duty)',
  none: 'NO DUTY TO ARREST',
};

function printDuty(
  out: Out,
  reg: Registry,
  duty: Duty,
  countryIso2: string,
  subjectName: string,
  countryName: string,
  today: string,
): void {
  // Through the airspace only, no court has said whether the duty applies: the headline says so.
  const overflight = duty.caveats.some((c) => c.code === 'overflight_unsettled');
  const headline =
    overflight && duty.kind === 'binding'
      ? 'IN THE AIRSPACE ONLY: DUTY UNSETTLED (binding if he lands)'
      : HEADLINE[duty.kind];
  out.write(`${headline}: ${countryName}, ${subjectName}, ${formatDay(duty.date)}\n\n`);
  out.write(`${wrap(duty.explanation)}\n`);
  if (duty.date > today)
    out.write(
      `\n${wrap(`A projection: this applies the registry as it stands today (${formatDay(today)}) to a later date; a withdrawal, a warrant lifted or a new one may change the answer by then.`)}\n`,
    );
  if (duty.basis.length) {
    out.write('\nLegal basis:\n');
    for (const b of duty.basis)
      out.write(
        `${bullet(`${b.ground} (${b.provisions.join('; ')}), ${b.effect} since ${formatDay(b.since)}`)}\n`,
      );
  }
  const past = [...reg.findings.values()].filter(
    (f) => f.country === countryIso2 && f.outcome === 'non_compliance',
  );
  if (past.length) {
    out.write("\nThis state's record (the Court's findings of non-compliance):\n");
    for (const f of past.sort((a, b) => a.decided.localeCompare(b.decided)))
      out.write(`${bullet(`${f.id} ${f.decided}: ${f.summary}`)}\n`);
  }
  if (duty.caveats.length) {
    out.write('\nCaveats:\n');
    for (const c of duty.caveats) out.write(`${bullet(`[${c.code}] ${c.text}`)}\n`);
  }
}

export function registerDuty(program: Command, ctx: CliContext): void {
  program
    .command('duty')
    .description('whether a state must arrest a wanted person on a date, and on what legal basis')
    .argument('<subject>', 'the person: id or any name variant ("putin", "Путин")')
    .argument('<country>', 'the state: ISO code (MN, MNG) or name ("Mongolia")')
    .argument('<date>', 'the day, YYYY-MM-DD')
    .option('--json', 'print the answer as JSON')
    .option('--airspace', 'the person only overflies the state')
    .action(
      (
        subjectInput: string,
        countryInput: string,
        dateInput: string,
        opts: { json?: boolean; airspace?: boolean },
      ) => {
        const reg = ctx.registry();
        const date = parseDate(dateInput);
        const subject = subjectArg(reg, subjectInput);
        const country = countryArg(reg, countryInput);
        const duty = dutyToArrest(reg, subject.id, country.iso2, date, {
          presence: opts.airspace ? 'airspace' : 'territory',
        });
        if (opts.json) printJson(ctx.out, duty);
        else printDuty(ctx.out, reg, duty, country.iso2, subject.name, country.name, ctx.today());
      },
    );
}
