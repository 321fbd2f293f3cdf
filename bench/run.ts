/**
 * @module bench/run
 * `npm run bench`: every benchmark, each printing what it measured and what it is compared with.
 * `npm run bench -- law feeds` runs only the named ones. The data sets are read from ../shared/bench
 * where they lie; a benchmark whose data is missing says so and is skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { arch, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchArticleExtraction } from './article-extraction.js';
import { benchDateExtraction } from './date-extraction.js';
import { benchExtract } from './extract.js';
import { benchFeeds } from './feeds.js';
import { benchLaw } from './law.js';
import { benchLongPages } from './long-pages.js';
import { benchPostgres } from './postgres.js';
import { benchRecord } from './record.js';
import { benchStartup } from './startup.js';
import { benchWebhook } from './webhook.js';
import { benchWeb } from './web.js';
import { SHARED } from './measure.js';

const shared = join(SHARED, 'bench');
const benches: Record<string, { data?: string; run: () => unknown }> = {
  startup: { run: benchStartup },
  law: { run: benchLaw },
  feeds: { data: 'feeds', run: benchFeeds },
  article: { data: 'article-extraction', run: () => benchArticleExtraction() },
  dates: { data: 'date-extraction', run: benchDateExtraction },
  extract: { data: 'article-extraction', run: benchExtract },
  record: { run: benchRecord },
  'long-pages': { run: benchLongPages },
  webhook: { run: benchWebhook },
  web: { run: benchWeb },
  postgres: { run: benchPostgres },
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const name of wanted)
  if (!benches[name])
    throw new Error(`unknown benchmark ${name}; choose from ${Object.keys(benches).join(', ')}`);

// Each benchmark runs in a process of its own, so that the peak memory each reports is its own
// (the operating system keeps one high-water mark per process) and none inherits another's heap.
const child = process.env.WW_BENCH_CHILD === '1';
if (!child)
  process.stdout.write(
    `machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${arch()}, Node ${process.version}\n`,
  );
for (const [name, b] of Object.entries(benches)) {
  if (wanted.length && !wanted.includes(name)) continue;
  if (b.data && !existsSync(join(shared, b.data))) {
    process.stdout.write(`\n${name}: skipped, its data ${join(shared, b.data)} is not here\n`);
    continue;
  }
  if (child) {
    await b.run();
    continue;
  }
  process.stdout.write(`\n=== ${name} ===\n`);
  const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name], {
    stdio: 'inherit',
    env: { ...process.env, WW_BENCH_CHILD: '1' },
  });
  if (run.status !== 0) throw new Error(`benchmark ${name} failed (exit ${run.status ?? run.signal})`);
}
