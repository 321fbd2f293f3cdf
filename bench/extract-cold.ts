/**
 * @module bench/extract-cold
 * Child process of extract-cli.ts: the extractor alone, in a fresh process as the command runs it,
 * on the articles of a JSON lines file (parsed before the clock starts, each text its own string).
 * Prints the wall time from article `from` to the end, so that the command's figure can be set
 * beside the extractor's own over the same articles, warm-up of the compiled code included.
 * `node dist-bench/bench/extract-cold.js <file.jsonl> <from>`
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createExtractor } from '../src/extract/index.js';
import { loadExtractorData } from '../src/extract/load.js';
import { loadRegistry } from '../src/registry/index.js';

const [file, from] = process.argv.slice(2);
const articles = readFileSync(file!, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { text: string; published: string | null });
const extract = createExtractor(loadRegistry(), loadExtractorData());
let t0 = 0;
articles.forEach((a, i) => {
  if (i === Number(from)) t0 = performance.now();
  extract({ text: a.text, published: a.published });
});
process.stdout.write(`${JSON.stringify({ ms: performance.now() - t0 })}\n`);
