/**
 * @module bench/extract
 * Extraction speed beside a compromise baseline (people(), places(), compromise-dates) over the same
 * texts, on a mixed stream (mostly ordinary news) and a stream where every article names a wanted
 * person; the `extract` command on the ordinary news as JSON lines (extract-cli.ts), beside the same
 * in process; peak memory; and the headline scores on ../shared/corpus/dev.jsonl.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import nlp from 'compromise';
import datesPlugin from 'compromise-dates';
import { evaluate, parseCases, type Extractor } from '../src/extract/eval/index.js';
import { createExtractor } from '../src/extract/index.js';
import { loadExtractorData } from '../src/extract/load.js';
import { buildMentionIndex, findMentions } from '../src/extract/names/mentions.js';
import { buildPrefilter } from '../src/extract/names/prefilter.js';
import { tokenize } from '../src/extract/text/tokens.js';
import { loadRegistry, normalizeName } from '../src/registry/index.js';
import { cliSpeed } from './extract-cli.js';
import { fmtMs, printTable, time, SHARED } from './measure.js';

const CORPUS = join(SHARED, 'corpus', 'dev.jsonl');
const GROUND_TRUTH = join(SHARED, 'bench', 'article-extraction', 'ground-truth.json');

interface Text {
  text: string;
  published: string | null;
}

const nlpDates = nlp.extend(datesPlugin);

/** The baseline: compromise's people, places and dates, people kept when a wanted name's word is in them. */
function baseline(wantedWords: Set<string>): (t: Text) => number {
  return ({ text, published }) => {
    const doc = nlpDates(text);
    const people = (doc.people().out('array') as string[]).filter((p) =>
      normalizeName(p)
        .split(' ')
        .some((w) => wantedWords.has(w)),
    );
    const places = doc.places().out('array') as string[];
    const dates = doc.dates(published ? { today: published } : {}).get();
    return people.length + places.length + dates.length;
  };
}

/**
 * The article-extraction benchmark's bodies (ordinary news, as published: a few happen to name a
 * wanted person) and the corpus texts, read here.
 */
function streams(): { ordinary: Text[]; mixed: Text[]; wanted: Text[] } {
  const wanted = parseCases(readFileSync(CORPUS, 'utf8')).map((c) => ({
    text: c.text,
    published: c.published || null,
  }));
  const truth = JSON.parse(readFileSync(GROUND_TRUTH, 'utf8')) as Record<string, { articleBody?: string }>;
  const ordinary = Object.values(truth)
    .map((e) => e.articleBody ?? '')
    .filter((t) => t.length > 200)
    .map((text) => ({ text, published: null }));
  return { ordinary, mixed: [...ordinary, ...wanted], wanted };
}

const mb = (texts: Text[]) => texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0) / 1e6;
const peakMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

/** One pass over `texts` repeated until it lasts >= 20 ms, so fast extractors are timed above the clock's grain. */
function speed(name: string, texts: Text[], run: (t: Text) => unknown, budgetMs: number, minRuns: number) {
  const t0 = performance.now();
  texts.forEach(run);
  const reps = Math.max(1, Math.ceil(20 / Math.max(performance.now() - t0, 0.001)));
  const t = time(
    () => {
      for (let i = 0; i < reps; i++) texts.forEach(run);
    },
    budgetMs,
    minRuns,
  );
  const s = t.medianMs / reps / 1000;
  return [
    name,
    (mb(texts) / s).toFixed(2),
    (texts.length / s).toFixed(0),
    fmtMs(t.medianMs / reps),
    String(t.runs * reps),
  ];
}

export async function benchExtract(): Promise<void> {
  const reg = loadRegistry();
  const data = loadExtractorData();
  const extract: Extractor = createExtractor(reg, data);
  const { ordinary, mixed, wanted } = streams();
  const lex = data.lexicons;
  const index = buildMentionIndex(reg, lex);
  const mayName = buildPrefilter(reg, lex);
  const naming = ordinary.filter((t) => findMentions(index, tokenize(t.text), null).length > 0).length;
  const words = new Set(
    [...reg.subjects.values()].flatMap((s) =>
      [s.name, ...s.aliases].flatMap((n) => normalizeName(n).split(' ')),
    ),
  );
  const streamsToRun = [
    [
      `ordinary news: ${ordinary.length} articles, ${mb(ordinary).toFixed(2)} MB, ${naming} name a wanted person`,
      ordinary,
    ],
    [
      `mixed: the same and the ${wanted.length} corpus texts, ${mb(mixed).toFixed(2)} MB, ${naming + wanted.length} name one`,
      mixed,
    ],
    [`every article names one: ${wanted.length} corpus texts, ${mb(wanted).toFixed(2)} MB`, wanted],
  ] as const;
  // compromise is slow (seconds per pass): timed once after a warm-up. Ours first on both streams, so its peak memory is read before the baseline has run.
  const oursRows = streamsToRun.map(([, texts]) =>
    speed('  warrant-watch', texts, (t) => extract(t), 2000, 5),
  );
  const oursPeak = peakMb();
  // The command on the same ordinary news, as JSON lines in a file: what a user gets, beside the figure
  // above, which is measured again (one second each time) before each of its runs.
  const cli = await cliSpeed(ordinary, () => Number(speed('', ordinary, (t) => extract(t), 1000, 5)[2]));
  const cliRow = [
    '  warrant-watch extract (CLI), JSON lines, past start-up',
    cli.mbPerS.toFixed(2),
    cli.articlesPerS.toFixed(0),
    `${fmtMs(cli.large.ms - cli.small.ms)} for ${cli.large.articles - cli.small.articles} more`,
    `${cli.runs} + ${cli.runs} runs`,
  ];
  const base = baseline(words);
  const baseRows = streamsToRun.map(([, texts]) => speed('  compromise baseline', texts, base, 0, 1));
  const rows = streamsToRun.flatMap(([label], i) => [[label, '', '', '', ''], oursRows[i]!, baseRows[i]!]);
  rows.splice(2, 0, cliRow);
  // The first look every article gets (extract/prefilter): what ordinary news costs when it names no one.
  rows.splice(
    4,
    0,
    speed('  its anchor scan alone', ordinary, (t) => mayName(t.text), 1000, 5),
  );
  printTable(
    `extraction speed, one core (single thread); target >= 50 MB/s on a stream of mostly ordinary news. Peak RSS: ${oursPeak} MB after ours, ${peakMb()} MB after the baseline too`,
    ['stream / extractor', 'MB/s', 'articles/s', 'median per pass', 'passes'],
    rows,
  );

  const pct = (x: number) => `${((100 * cli.articlesPerS) / x).toFixed(0)} %`;
  process.stdout.write(
    `\nextract command vs in-process, ordinary news: ${pct(cli.alongside)} ` +
      `(${cli.articlesPerS.toFixed(0)} articles/s; in process ${cli.alongside.toFixed(0)}, the median of its ` +
      `${2 * cli.runs} measures between the command's runs). Past start-up: the median time from first output ` +
      `to exit of ${cli.runs} runs on ${(cli.large.fileBytes / 1e6).toFixed(1)} MB of JSON lines ` +
      `(${cli.large.articles} articles) less that on ${(cli.small.fileBytes / 1e6).toFixed(1)} MB ` +
      `(${cli.small.articles}): ${fmtMs(cli.large.ms)} - ${fmtMs(cli.small.ms)}.\n` +
      `The extractor alone in a fresh process, on the same ${cli.large.articles - cli.small.articles} articles ` +
      `(its compiled code still warming up, as the command's is): ${cli.coldArticlesPerS.toFixed(0)} articles/s; ` +
      `the command is ${pct(cli.coldArticlesPerS)} of that.\n`,
  );

  const cases = parseCases(readFileSync(CORPUS, 'utf8'));
  const r = evaluate(cases, extract, reg);
  const f = (x: number | null) => (x === null ? '-' : x.toFixed(3));
  const row = (name: string, s: number | null, l: number | null, target: string) => [
    name,
    f(s),
    f(l),
    target,
  ];
  printTable(
    `dev.jsonl: ${r.cases} cases, ${r.expected} expected events, ${r.predicted} predicted (warrant-watch eval for the details)`,
    ['measure', 'strict', 'lenient', 'target'],
    [
      row('trip F1 (subject, country, status)', r.strict.trip.f1, r.lenient.trip.f1, '>= 0.90'),
      row('trip precision', r.strict.trip.precision, r.lenient.trip.precision, '>= 0.95'),
      row('trip recall', r.strict.trip.recall, r.lenient.trip.recall, ''),
      row('trip F1 (subject, country)', r.strict.tripLoose.f1, r.lenient.tripLoose.f1, ''),
      row('start within one day', r.strict.startDate.rate, r.lenient.startDate.rate, '>= 0.85'),
    ],
  );
}
