/**
 * @module cli/commands/eval
 * `warrant-watch eval <file.jsonl> [--json]`: runs the extractor on labelled cases and prints
 * precision, recall and F1 per event type and trip status, date accuracy, misses and false alarms.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  CaseFileError,
  evaluate,
  parseCases,
  splitNames,
  tripStatuses,
  type Agreement,
  type CreateExtractor,
  type EvalReport,
  type LabelledCase,
  type Prf,
  type ReportEvent,
} from '../../extract/eval/index.js';
import type { Registry } from '../../model.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { printJson, table, type Out } from '../output.js';

/** The pipeline's services, loaded when the command runs: `--help` need not pay for them. */
const pipeline = () => import('../services.js');

export interface EvalDeps {
  createExtractor?: () => Promise<CreateExtractor>;
}

const num = (x: number | null) => (x === null ? '-' : x.toFixed(3));
const rate = (a: Agreement) => `${num(a.rate)} (${a.agree}/${a.n})`;
const prfRow = (name: string, s: Prf, l: Prf) => [
  name,
  `${s.tp}/${s.fp}/${s.fn}`,
  num(s.precision),
  num(s.recall),
  num(s.f1),
  num(l.f1),
];
const PRF_HEAD = ['', 'tp/fp/fn', 'precision', 'recall', 'F1', 'F1 lenient'];

/** One row per key: strict counts and scores, and the lenient F1 beside them. */
function prfTable<K extends string>(strict: Record<K, Prf>, lenient: Record<K, Prf>): string {
  return table(
    PRF_HEAD,
    (Object.keys(strict) as K[]).map((k) => prfRow(k, strict[k], lenient[k])),
  );
}

function describe(e: ReportEvent): string {
  const where = [e.country_iso2, e.city].filter(Boolean).join(' ');
  const when = e.start || e.end ? ` ${e.start || '?'}..${e.end || '?'}` : '';
  return `${e.type} ${e.subject}${where ? ` ${where}` : ''} ${e.status}${when}`;
}

const excerpt = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
};

export function printReport(out: Out, r: EvalReport): void {
  const { strict: s, lenient: l } = r;
  out.write(`${r.cases} cases, ${r.expected} expected events, ${r.predicted} predicted\n\n`);
  out.write(
    table(
      ['headline', 'strict', 'lenient'],
      [
        ['trip F1 (subject, country, status)', num(s.trip.f1), num(l.trip.f1)],
        ['trip precision', num(s.trip.precision), num(l.trip.precision)],
        ['trip recall', num(s.trip.recall), num(l.trip.recall)],
        ['trip F1 (subject, country)', num(s.tripLoose.f1), num(l.tripLoose.f1)],
        ['start within one day of the label', rate(s.startDate), rate(l.startDate)],
      ],
    ),
  );
  out.write('\nper event type (matched on type, subject, country)\n');
  out.write(prfTable(s.byType, l.byType));
  out.write('\nper trip status (matched on subject, country, status)\n');
  out.write(prfTable(s.byStatus, l.byStatus));
  out.write('\nstatus of trips matched on (subject, country), by labelled status\n');
  out.write(
    table(
      ['labelled', 'strict', 'lenient'],
      tripStatuses.map((k) => [k, rate(s.statusByLabel[k]), rate(l.statusByLabel[k])]),
    ),
  );
  out.write('\nfields of events matched on (type, subject, country): exact agreement\n');
  out.write(
    table(
      ['field', 'strict', 'lenient'],
      (['status', 'start', 'end', 'city'] as const).map((f) => [f, rate(s.fields[f]), rate(l.fields[f])]),
    ),
  );
  out.write(`\nmisses (strict): ${s.misses.length}\n`);
  for (const m of s.misses)
    out.write(
      `  ${m.case}  ${describe(m.event)}${m.predicted ? `  [predicted ${m.predicted.status}]` : ''}\n      ${excerpt(m.evidence)}\n`,
    );
  out.write(`\nfalse alarms (strict): ${s.falseAlarms.length}\n`);
  for (const f of s.falseAlarms)
    out.write(
      `  ${f.case}  ${describe(f.event)}  (confidence ${f.confidence.toFixed(2)})\n      ${excerpt(f.evidence)}\n`,
    );
  if (r.unreadLenient.length) {
    out.write('\nlenient notes the scorer could not read:\n');
    for (const u of r.unreadLenient) out.write(`  ${u.case}  ${u.sentence}\n`);
  }
}

/** Turns a bad line of the labelled file into a UsageError naming the file, the line and the field. */
function asUsage<T>(file: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof CaseFileError) throw new UsageError(`${file}: ${e.message}`);
    throw e;
  }
}

/**
 * The cases of one split. A split that no case has is an error naming those there are, so that a
 * misspelt `--split chek` cannot score nothing and pass for a result.
 */
function ofSplit(file: string, cases: LabelledCase[], split: string | undefined): LabelledCase[] {
  if (split === undefined) return cases;
  const chosen = cases.filter((c) => c.split === split);
  if (chosen.length) return chosen;
  const known = splitNames(cases);
  throw new UsageError(
    `${file}: no case has split "${split}" (${known.length ? `its splits: ${known.join(', ')}` : 'its cases have no split'})`,
  );
}

/** Reads and checks a labelled file, then runs the extractor over its cases (of one split) and scores them. */
export async function evalFile(
  file: string,
  reg: Registry,
  load: () => Promise<CreateExtractor>,
  split?: string,
): Promise<EvalReport> {
  const text = await readFile(file, 'utf8').catch((e: Error) => {
    throw new UsageError(`cannot read "${file}": ${e.message}`);
  });
  const cases = ofSplit(
    file,
    asUsage(file, () => parseCases(text)),
    split,
  );
  const extract = (await load())(reg);
  return asUsage(file, () => evaluate(cases, extract, reg));
}

export function registerEval(program: Command, ctx: CliContext, deps: EvalDeps = {}): void {
  program
    .command('eval')
    .description('score the extractor on labelled cases (the corpus schema): P/R/F1, dates, misses')
    .argument('<file>', 'a JSON Lines file of labelled cases')
    .option('--split <name>', 'only the cases of this split (train.jsonl: tune or check)')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { json?: boolean; split?: string }) => {
      const load = deps.createExtractor ?? (await pipeline()).loadExtractor;
      const report = await evalFile(file, ctx.registry(), () => load(ctx), opts.split);
      if (opts.json) printJson(ctx.out, report);
      else printReport(ctx.out, report);
    });
}
