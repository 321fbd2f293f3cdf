/**
 * @module bench/article-extraction
 * Main-text extraction scored on the Scrapinghub article-extraction benchmark (181 pages), with its
 * metric re-implemented and checked against a published system, plus throughput and memory.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gunzipSync } from 'node:zlib';
import { extractArticle } from '../src/ingest/article/index.js';
import { fmtMs, printTable, SHARED } from './measure.js';

const DIR = join(SHARED, 'bench', 'article-extraction');

// ---- the metric (README "Metric", upstream evaluate.py) ----

/** Python's Unicode `\w+`: letters, numbers (all of \p{N}) and underscore; combining marks split tokens. */
export const tokenize = (s: string): string[] => s.match(/[\p{L}\p{N}_]+/gu) ?? [];

/** 4-gram shingles as a multiset; 1–3 tokens give one shingle of all of them, 0 tokens none. */
function shingles(tokens: readonly string[], n = 4): Map<string, number> {
  const m = new Map<string, number>();
  const add = (k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  if (tokens.length === 0) return m;
  if (tokens.length < n) add(tokens.join('\u0001'));
  else for (let i = 0; i + n <= tokens.length; i++) add(tokens.slice(i, i + n).join('\u0001'));
  return m;
}

export interface DocScore {
  tp: number;
  fp: number;
  fn: number;
  exact: boolean;
}

/** Per-document counts, normalised to sum to 1 (as upstream; the ratios do not change). */
export function scoreDoc(truth: string, pred: string): DocScore {
  const [tt, pt] = [tokenize(truth), tokenize(pred)];
  const [t, p] = [shingles(tt), shingles(pt)];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const k of new Set([...t.keys(), ...p.keys()])) {
    const a = t.get(k) ?? 0;
    const b = p.get(k) ?? 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  const s = tp + fp + fn;
  const exact = tt.length === pt.length && tt.every((x, i) => x === pt[i]);
  return s > 0 ? { tp: tp / s, fp: fp / s, fn: fn / s, exact } : { tp, fp, fn, exact };
}

const ratio = (tp: number, x: number, other: number) =>
  x === 0 && other === 0 ? 1 : tp === 0 && x === 0 ? 0 : tp / (tp + x);
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);

export interface Corpus {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

/** Corpus P = mean precision over documents with output; R = mean recall; F1 from P and R. */
export function corpusScore(docs: readonly DocScore[]): Corpus {
  const precision = mean(docs.filter((d) => d.tp + d.fp > 0).map((d) => ratio(d.tp, d.fp, d.fn)));
  const recall = mean(docs.filter((d) => d.tp + d.fn > 0).map((d) => ratio(d.tp, d.fn, d.fp)));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, accuracy: mean(docs.map((d) => (d.exact ? 1 : 0))) };
}

/** Bootstrap standard deviation of F1 (1,000 resamples, seeded so runs agree). */
function bootstrapF1(docs: readonly DocScore[], rounds = 1000): number {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const f1s = Array.from(
    { length: rounds },
    () => corpusScore(docs.map(() => docs[Math.floor(rand() * docs.length)]!)).f1,
  );
  const m = mean(f1s);
  return Math.sqrt(f1s.reduce((a, x) => a + (x - m) ** 2, 0) / (rounds - 1));
}

// ---- data ----

interface Page {
  id: string;
  url: string;
  html: string;
  truth: string;
}

function loadPages(): Page[] {
  const gt = JSON.parse(readFileSync(join(DIR, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  return Object.entries(gt).map(([id, g]) => ({
    id,
    url: g.url,
    truth: g.articleBody,
    html: gunzipSync(readFileSync(join(DIR, 'html', `${id}.html.gz`))).toString('utf8'),
  }));
}

/** A published output file in either shape: legacy `{id: {articleBody}}` or `{version, output}`. */
function loadOutput(system: string): Record<string, string> {
  const raw = JSON.parse(
    gunzipSync(readFileSync(join(DIR, 'output', `${system}.json.gz`))).toString('utf8'),
  ) as Record<string, unknown>;
  const keys = Object.keys(raw).sort().join(',');
  const items = (keys === 'output,version' ? raw['output'] : raw) as Record<
    string,
    { articleBody?: string | null }
  >;
  return Object.fromEntries(Object.entries(items).map(([id, v]) => [id, v?.articleBody ?? '']));
}

interface Reference {
  systems: Record<string, Corpus & { per_doc: Record<string, [number, number, number, number]> }>;
}

/** Re-score a published system's output and compare with reference-scores.json, document by document. */
function checkMetric(pages: readonly Page[], ref: Reference, system: string): string {
  const out = loadOutput(system);
  const docs = pages.map((p) => scoreDoc(p.truth, out[p.id] ?? ''));
  const c = corpusScore(docs);
  const r = ref.systems[system]!;
  let maxDiff = 0;
  pages.forEach((p, i) => {
    const [tp, fp, fn, ex] = r.per_doc[p.id]!;
    const d = docs[i]!;
    maxDiff = Math.max(
      maxDiff,
      Math.abs(d.tp - tp),
      Math.abs(d.fp - fp),
      Math.abs(d.fn - fn),
      Number(d.exact) - ex,
    );
  });
  const ok = maxDiff < 1e-9 && Math.abs(c.f1 - r.f1) < 1e-12;
  return `metric check on ${system}: F1 ${c.f1.toFixed(6)} vs reference ${r.f1.toFixed(6)}, P ${c.precision.toFixed(6)} vs ${r.precision.toFixed(6)}, R ${c.recall.toFixed(6)} vs ${r.recall.toFixed(6)}; max per-document difference ${maxDiff.toExponential(1)} → ${ok ? 'OK' : 'MISMATCH'}`;
}

// ---- memory ----

/** A real gc() for before/after heap figures, without asking the caller for --expose-gc. */
function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

interface LoopResult {
  runs: number;
  ms: number;
  heapBefore: number;
  heapAfter: number;
  heapPeak: number;
  /** Heap after a full gc every 1,000 runs: flat when nothing leaks. */
  heapEvery1000: number[];
}

/**
 * Extract pages cycling over the set until `runs` are done or `budgetMs` is spent (10,000 runs take
 * about four minutes on one core), measuring the heap after a full gc before, every 1,000 runs and
 * after, and its peak sampled every 500 runs.
 */
function extractionLoop(pages: readonly Page[], runs: number, budgetMs: number, gc: () => void): LoopResult {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const t0 = performance.now();
  const heapEvery1000: number[] = [];
  let gcMs = 0;
  let i = 0;
  for (; i < runs && performance.now() - t0 - gcMs < budgetMs; i++) {
    extractArticle(pages[i % pages.length]!.html);
    if (i % 500 === 499) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    if (i % 1000 === 999) {
      const g0 = performance.now();
      gc();
      heapEvery1000.push(process.memoryUsage().heapUsed);
      gcMs += performance.now() - g0;
    }
  }
  const ms = performance.now() - t0 - gcMs;
  gc();
  return { runs: i, ms, heapBefore, heapAfter: process.memoryUsage().heapUsed, heapPeak, heapEvery1000 };
}

export async function benchArticleExtraction(loopRuns = 10_000, loopBudgetMs = Infinity): Promise<void> {
  const pages = loadPages();
  const ref = JSON.parse(readFileSync(join(DIR, 'reference-scores.json'), 'utf8')) as Reference;
  process.stdout.write(`\n${checkMetric(pages, ref, 'readability_js')}\n`);

  const gc = gcFunction();
  gc();
  const heapStart = process.memoryUsage().heapUsed;
  const inputBytes = pages.reduce((n, p) => n + Buffer.byteLength(p.html), 0);
  const t0 = performance.now();
  const preds = pages.map((p) => extractArticle(p.html, p.url).text);
  const elapsed = performance.now() - t0;
  const docs = pages.map((p, i) => scoreDoc(p.truth, preds[i]!));
  const ours = corpusScore(docs);

  const worst = pages
    .map((p, i) => ({ id: p.id.slice(0, 12), url: p.url, s: corpusScore([docs[i]!]) }))
    .sort((a, b) => a.s.f1 - b.s.f1)
    .slice(0, Number(process.env['BENCH_WORST'] ?? 0));
  for (const w of worst)
    process.stdout.write(
      `worst ${w.id} F1 ${w.s.f1.toFixed(3)} P ${w.s.precision.toFixed(3)} R ${w.s.recall.toFixed(3)} ${w.url}\n`,
    );

  const row = (name: string, c: Corpus, pm = '') => [
    name,
    c.f1.toFixed(3) + pm,
    c.precision.toFixed(3),
    c.recall.toFixed(3),
    c.accuracy.toFixed(3),
  ];
  const shown = [
    'rs_trafilatura',
    'trafilatura',
    'newspaper',
    'readability_js',
    'go_readability',
    'readability',
    'goose3',
    'justext',
    'html-text',
  ];
  printTable(
    `article text: Scrapinghub benchmark, ${pages.length} pages (others: published reference scores)`,
    ['system', 'F1', 'precision', 'recall', 'accuracy'],
    [
      row('warrant-watch (ours)', ours, ` ± ${bootstrapF1(docs).toFixed(3)}`),
      ...shown.map((s) => row(s, ref.systems[s]!)),
    ],
  );

  // Throughput per core: this thread, every page once more now that the code is warm.
  const t1 = performance.now();
  for (const p of pages) extractArticle(p.html, p.url);
  const warm = performance.now() - t1;
  const loop = extractionLoop(pages, loopRuns, loopBudgetMs, gc);
  const rss = process.resourceUsage().maxRSS * 1024;
  printTable(
    `article throughput and memory (input ${mb(inputBytes)} of HTML, ${pages.length} pages, mean ${(inputBytes / pages.length / 1024).toFixed(0)} KB)`,
    ['measure', 'value'],
    [
      ['first pass (cold)', `${fmtMs(elapsed)}: ${((pages.length / elapsed) * 1000).toFixed(1)} articles/s`],
      [
        'second pass, per core',
        `${((pages.length / warm) * 1000).toFixed(1)} articles/s, ${(inputBytes / 2 ** 20 / (warm / 1000)).toFixed(2)} MB/s, ${fmtMs(warm / pages.length)} per article`,
      ],
      [
        `loop of ${loopRuns} extractions, cycling over the pages${Number.isFinite(loopBudgetMs) ? ` (budget ${fmtMs(loopBudgetMs)})` : ''}`,
        `${loop.runs} done in ${fmtMs(loop.ms)}: ${((loop.runs / loop.ms) * 1000).toFixed(1)} articles/s`,
      ],
      [
        'heap after gc: before any extraction / before the loop / after the loop',
        `${mb(heapStart)} / ${mb(loop.heapBefore)} / ${mb(loop.heapAfter)}`,
      ],
      [
        'heap after gc every 1,000 extractions (first, largest, last)',
        loop.heapEvery1000.length
          ? `${mb(loop.heapEvery1000[0]!)}, ${mb(Math.max(...loop.heapEvery1000))}, ${mb(loop.heapEvery1000.at(-1)!)}`
          : 'fewer than 1,000 runs',
      ],
      ['heap peak during the loop (sampled every 500)', mb(loop.heapPeak)],
      ['peak RSS of the process', mb(rss)],
    ],
  );
}
