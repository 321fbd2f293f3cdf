/**
 * @module cli/commands/replay
 * `warrant-watch replay <articles.jsonl> [--json] [--score <expected.json>]`: a backtest of the
 * whole record (jobs/replay) on JSON lines { id, url, title, published, text }; other fields of a
 * line (labels) are ignored. Prints the trips with their status histories, the alerts with the
 * article that raised each, the lead time of each warning, and with --score how the record
 * compares with the one expected.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { issuePath, subjectNames, type CreateExtractor } from '../../extract/eval/index.js';
import { byPublication } from '../../events/index.js';
import { expectedRecord } from '../../jobs/replay-expected.js';
import { scoreReplay, type Prf, type ReplayScore } from '../../jobs/replay-score.js';
import { replay, type ReplayArticle, type ReplayResult } from '../../jobs/replay.js';
import type { Registry } from '../../model.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { printJson, table, type Out } from '../output.js';
import { alertJson, tripJson } from '../record-json.js';

/** The pipeline's services, loaded when the command runs: `--help` need not pay for them. */
const pipeline = () => import('../services.js');

const articleLine = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  url: z.string().default(''),
  title: z.string().optional(),
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected YYYY-MM-DD or an ISO date-time'),
  text: z.string(),
});

export interface ReplayDeps {
  createExtractor?: () => Promise<CreateExtractor>;
}

async function readText(path: string, what: string): Promise<string> {
  return readFile(path, 'utf8').catch((e: Error) => {
    throw new UsageError(`cannot read ${what} "${path}": ${e.message}`);
  });
}

/** Every line must parse: a replay with holes would tell a wrong story; all bad lines are listed. */
export function parseArticles(text: string, file: string): ReplayArticle[] {
  const articles: ReplayArticle[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (e) {
      return void errors.push(`${file}:${i + 1}: not JSON (${(e as Error).message})`);
    }
    const parsed = articleLine.safeParse(json);
    if (parsed.success) articles.push(parsed.data);
    else {
      const issue = parsed.error.issues[0]!;
      errors.push(`${file}:${i + 1}: field ${issuePath(issue.path) || '(root)'}: ${issue.message}`);
    }
  });
  if (errors.length)
    throw new UsageError(`${errors.length} bad line(s), nothing replayed:\n${errors.join('\n')}`);
  const seen = new Set<string>();
  for (const a of articles) {
    if (seen.has(a.id)) throw new UsageError(`${file}: article id "${a.id}" appears twice`);
    seen.add(a.id);
  }
  return articles;
}

const pct = (x: number | null) => (x === null ? '-' : x.toFixed(3));
const prfCells = (name: string, s: Prf) => [
  name,
  `${s.tp}/${s.predicted}/${s.expected}`,
  pct(s.precision),
  pct(s.recall),
  pct(s.f1),
];

function printResult(out: Out, result: ReplayResult, reg: Registry): void {
  const nameOf = (id: string) => reg.subjects.get(id)?.name ?? id;
  out.write(`${result.trips.length} trips, ${result.alerts.length} alerts\n`);
  for (const t of result.trips) {
    const json = tripJson(t, reg);
    const days = t.start || t.end ? ` ${t.start ?? '?'}..${t.end ?? '?'}` : '';
    out.write(
      `\n${t.id}\n  ${nameOf(t.subjectId)} -> ${t.countryIso2}${t.city ? ` (${t.city})` : ''}${days}: ${t.status}, duty ${json.duty.kind}, outcome ${json.outcome}, confidence ${t.confidence}\n`,
    );
    const moves = t.history.map(
      (h) =>
        `${h.status} after ${h.articleId}${h.basis === 'seen_elsewhere' ? ' (seen in another state)' : ''}`,
    );
    out.write(`  history: ${moves.join(' -> ')}\n`);
    out.write(`  articles: ${[...new Set(t.evidence.map((e) => e.articleId))].join(' ')}\n`);
    for (const c of t.contradictions)
      out.write(
        `  sources disagree on ${c.field}: ${c.values.map((v) => `${v.value} (${v.articleIds.join(' ')})`).join(' / ')}\n`,
      );
  }
  if (result.alerts.length) {
    out.write('\nalerts\n');
    out.write(
      table(
        ['created', 'kind', 'trip', 'raised after'],
        result.alerts.map((a) => [a.createdAt, a.kind, a.tripId, a.articleId]),
      ),
    );
  }
  for (const l of result.leadTimes)
    out.write(`lead time ${l.tripId}: warned ${l.days} day(s) before the first day\n`);
  for (const c of result.copies) out.write(`${c.id}: a copy of ${c.of}, not read again\n`);
}

function printScore(out: Out, s: ReplayScore): void {
  out.write('\nscore\n');
  out.write(
    table(
      ['', 'right/predicted/expected', 'precision', 'recall', 'F1'],
      [
        prfCells('trips (subject, state, final status, start within a day)', s.trips),
        prfCells('trips found (subject, state)', s.tripsFound),
        prfCells('alerts (raised by the first article that supports each)', s.alerts),
      ],
    ),
  );
  for (const p of s.pairs)
    if (p.problem) out.write(`  trip ${p.story}: ${p.problem}${p.tripId ? ` (${p.tripId})` : ''}\n`);
  for (const id of s.extraTrips) out.write(`  extra trip: ${id}\n`);
  for (const c of s.alertChecks)
    if (c.verdict !== 'on_time')
      out.write(
        `  alert ${c.story} ${c.kind}: ${c.verdict}${c.raisedAfter ? ` (after ${c.raisedAfter}, expected after ${c.expectedAfter})` : ` (expected after ${c.expectedAfter})`}${c.optional ? ', optional' : ''}\n`,
      );
  for (const w of s.wrongAlerts) out.write(`  wrong alert: ${w.id} after ${w.articleId}: ${w.why}\n`);
  for (const a of s.strayArticles)
    out.write(`  ${a.articleId} must join no expected trip, joined ${a.tripId}\n`);
}

export function registerReplay(program: Command, ctx: CliContext, deps: ReplayDeps = {}): void {
  program
    .command('replay')
    .description(
      'replay JSON lines of articles through extraction, trip merging and alerts, in publication order',
    )
    .argument('<file>', 'JSON Lines { id, url, title, published, text }')
    .option('--json', 'print { trips, alerts, lead_times } (and score) as JSON')
    .option('--score <expected.json>', 'compare with the expected record (trips, alerts, not_in_any_trip)')
    .action(async (file: string, opts: { json?: boolean; score?: string }) => {
      const articles = parseArticles(await readText(file, 'articles'), file);
      const expected = opts.score
        ? parseExpected(await readText(opts.score, 'expected record'), opts.score)
        : null;
      const reg = ctx.registry();
      const extract = (await (deps.createExtractor ?? (await pipeline()).loadExtractor)(ctx))(reg);
      const result = await replay(articles, extract, reg);
      const order = [...articles].sort(byPublication).map((a) => a.id);
      const score = expected ? scoreReplay(result, expected, subjectNames(reg), order) : null;
      if (opts.json)
        return printJson(ctx.out, {
          trips: result.trips.map((t) => tripJson(t, reg)),
          alerts: result.alerts.map(alertJson),
          lead_times: result.leadTimes.map((l) => ({ trip_id: l.tripId, days: l.days })),
          copies: result.copies,
          ...(score ? { score: score } : {}),
        });
      printResult(ctx.out, result, reg);
      if (score) printScore(ctx.out, score);
    });
}

function parseExpected(text: string, file: string) {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: not JSON (${(e as Error).message})`);
  }
  const parsed = expectedRecord.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${file}: field ${issuePath(issue.path) || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}
