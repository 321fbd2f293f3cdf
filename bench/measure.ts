/**
 * @module bench/measure
 * Timing helpers for the benchmarks: run a function until a time budget is spent, report the median.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../src/paths.js';

/** ../shared beside the repository: the benchmark data sets and the labelled corpus. */
export const SHARED = join(projectRoot, '..', 'shared');

export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
}

export function time(fn: () => unknown, budgetMs = 1000, minRuns = 5): Timing {
  fn(); // warm-up: JIT and lazy caches
  const samples: number[] = [];
  const end = performance.now() + budgetMs;
  while (samples.length < minRuns || performance.now() < end) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { runs: samples.length, medianMs: at(0.5), p95Ms: at(0.95) };
}

export function fmtMs(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(0)} µs`;
}

export function printTable(title: string, headers: string[], rows: string[][]): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  process.stdout.write(
    `\n${title}\n${line(headers)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${rows.map(line).join('\n')}\n`,
  );
}
