/**
 * @module bench/extract-cli
 * `warrant-watch extract` as a user runs it, on the benchmark's articles written as JSON lines into
 * a temporary file: its throughput past start-up. Each run is timed from its first output to its
 * end, which leaves start-up out; two input sizes that begin alike, and the difference of their
 * times, leave out the first chunk read too (its output is the first, so its time is not counted).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { finished } from 'node:stream/promises';

interface Text {
  text: string;
  published: string | null;
}

/** The CLI of the same build as the benchmark (tsconfig.bench.json compiles src/ beside bench/). */
const BIN = fileURLToPath(new URL('../src/cli/bin.js', import.meta.url));
const COLD = fileURLToPath(new URL('./extract-cold.js', import.meta.url));

interface Input {
  path: string;
  articles: number;
  textBytes: number;
  fileBytes: number;
}

/** Writes the texts again and again, each time with new ids, until the file holds `minBytes`. */
async function writeInput(path: string, texts: Text[], minBytes: number): Promise<Input> {
  const out = createWriteStream(path);
  const input: Input = { path, articles: 0, textBytes: 0, fileBytes: 0 };
  while (input.fileBytes < minBytes) {
    const t = texts[input.articles % texts.length]!;
    const line = `${JSON.stringify({ id: `bench-${input.articles}`, published: t.published, text: t.text })}\n`;
    if (!out.write(line)) await once(out, 'drain');
    input.articles++;
    input.textBytes += Buffer.byteLength(t.text);
    input.fileBytes += Buffer.byteLength(line);
  }
  out.end();
  await finished(out);
  return input;
}

/** One run, wall-clock from its first output to its exit; the output is counted, not kept. */
function runOnce(input: Input, bin: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let t0 = 0;
    const child = spawn(process.execPath, [bin, 'extract', input.path], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let lines = 0;
    child.stdout.on('data', (d: Buffer) => {
      t0 ||= performance.now();
      for (let i = d.indexOf(10); i >= 0; i = d.indexOf(10, i + 1)) lines++;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`warrant-watch extract exited with ${code}`));
      else if (lines !== input.articles)
        reject(new Error(`${lines} output lines for ${input.articles} articles`));
      else resolve(performance.now() - t0);
    });
  });
}

/** The extractor alone in a fresh process over the same articles as the command's difference. */
function coldOnce(large: Input, from: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [COLD, large.path, String(from)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`extract-cold exited with ${code}`));
      else resolve((JSON.parse(out) as { ms: number }).ms);
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface CliSpeed {
  /** Article text per second past start-up (MB/s, the in-process rows' unit), articles per second. */
  mbPerS: number;
  articlesPerS: number;
  /** The two inputs and the median time of each past its first output. */
  small: Input & { ms: number };
  large: Input & { ms: number };
  runs: number;
  /** The median of what `alongside` measured between the runs. */
  alongside: number;
  /** The extractor alone, in a fresh process, on the articles the difference counts: articles/s. */
  coldArticlesPerS: number;
}

/**
 * The CLI on ~4 MB and ~20 MB of JSON lines, runs interleaved, `runs` of each; medians. Before each
 * run `alongside` measures something else (the same extraction in process), so that the two are
 * compared over the same minutes of a shared machine; after each pair of runs the extractor alone
 * runs in a fresh process on the same articles (extract-cold.ts). `bin` is the CLI entry point to run (another
 * build's `dist/cli/bin.js`, to compare two versions).
 */
export async function cliSpeed(
  texts: Text[],
  alongside: () => number,
  runs = 5,
  bin = BIN,
): Promise<CliSpeed> {
  const dir = mkdtempSync(join(tmpdir(), 'ww-bench-extract-'));
  try {
    const small = await writeInput(join(dir, 'small.jsonl'), texts, 4e6);
    const large = await writeInput(join(dir, 'large.jsonl'), texts, 20e6);
    await runOnce(small, bin); // warm the file cache and the module cache of the operating system
    const times: [number[], number[]] = [[], []];
    const beside: number[] = [];
    const cold: number[] = [];
    for (let i = 0; i < runs; i++) {
      for (const [k, input] of [small, large].entries()) {
        beside.push(alongside());
        times[k]!.push(await runOnce(input, bin));
      }
      cold.push(await coldOnce(large, small.articles));
    }
    const [s, l] = [median(times[0]), median(times[1])];
    const secs = (l - s) / 1000;
    return {
      mbPerS: (large.textBytes - small.textBytes) / 1e6 / secs,
      articlesPerS: (large.articles - small.articles) / secs,
      small: { ...small, ms: s },
      large: { ...large, ms: l },
      runs,
      alongside: median(beside),
      coldArticlesPerS: (large.articles - small.articles) / (median(cold) / 1000),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
