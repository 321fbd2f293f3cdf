/**
 * @module cli/commands/ledger
 * `warrant-watch ledger <state|person> [--json]`: what a state did each time a wanted person came
 * (or what each state did when this person came), against its duty, beside the Court's findings.
 */
import type { Command } from 'commander';
import { ledgerOf, type Ledger, type LedgerVerdict } from '../../events/index.js';
import { findCountry, findSubject } from '../../registry/index.js';
import type { Registry } from '../../model.js';
import { countryArg, subjectArg } from '../args.js';
import type { CliContext } from '../context.js';
import { bullet, printJson, type Out } from '../output.js';
import { ledgerJson, tripJson } from '../record-json.js';
import { openRecordStore } from '../stores.js';

const VERDICT: Record<LedgerVerdict, string> = {
  failed_to_arrest: 'FAILED TO ARREST',
  arrested: 'arrested',
  deterred: 'did not come (cancelled or by video)',
  pending: 'not over yet',
  no_binding_duty: 'no binding duty',
};

/**
 * A state if the input names one, else a person; a name that is both is taken as the state. A name
 * that fits several states or several persons is refused by the look-up of its kind, naming them.
 */
function target(
  reg: Registry,
  input: string,
): { countryIso2: string; label: string } | { subjectId: string; label: string } {
  if (findCountry(reg, input).kind !== 'unknown' || findSubject(reg, input).kind === 'unknown') {
    const c = countryArg(reg, input);
    return { countryIso2: c.iso2, label: `${c.name} (${c.iso2})` };
  }
  const s = subjectArg(reg, input);
  return { subjectId: s.id, label: s.name };
}

function printLedger(out: Out, reg: Registry, label: string, ledger: Ledger): void {
  const failures = ledger.entries.filter((e) => e.verdict === 'failed_to_arrest').length;
  out.write(
    `Ledger of ${label}: ${ledger.entries.length} trip(s) in the record, ${failures} failure(s) to arrest\n\n`,
  );
  for (const e of ledger.entries) {
    const t = e.trip;
    const days =
      t.start || t.end ? `${t.start ?? '?'}..${t.end ?? '?'}` : `reported ${t.firstReported.slice(0, 10)}`;
    const who = reg.subjects.get(t.subjectId)?.name ?? t.subjectId;
    const found = e.findings.map((f) => ` [Court: ${f.id} ${f.decided} ${f.outcome}]`).join('');
    out.write(
      `${days}  ${who} -> ${t.countryIso2}${t.city ? ` ${t.city}` : ''}: ${t.status}, duty ${e.duty.kind}: ${VERDICT[e.verdict]}${found}${t.curated ? ' (curated)' : ''}\n`,
    );
  }
  if (ledger.findings.length) {
    out.write("\nThe Court's findings:\n");
    for (const f of ledger.findings)
      out.write(`${bullet(`${f.id} ${f.decided} ${f.chamber}, ${f.outcome}: ${f.summary}`)}\n`);
  }
}

export function registerLedger(program: Command, ctx: CliContext): void {
  program
    .command('ledger')
    .description("what a state did each time a wanted person came, beside the Court's findings")
    .argument('<state-or-person>', 'a state (ISO code or name) or a wanted person (id or name)')
    .option('--json', 'print { entries: [{ trip, verdict, findings }], findings }')
    .action(async (input: string, opts: { json?: boolean }) => {
      const reg = ctx.registry();
      const of = target(reg, input);
      const store = await openRecordStore(ctx);
      let ledger: Ledger;
      try {
        const trips = await store.listTrips(
          'countryIso2' in of
            ? { countryIso2: of.countryIso2, limit: 500 }
            : { subjectId: of.subjectId, limit: 500 },
        );
        ledger = ledgerOf(reg, trips, of);
      } finally {
        await store.close();
      }
      if (!opts.json) return printLedger(ctx.out, reg, of.label, ledger);
      printJson(
        ctx.out,
        ledgerJson(ledger, (t) => tripJson(t, reg)),
      );
    });
}
