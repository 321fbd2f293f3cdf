/**
 * @module bench/long-pages
 * A hostile page must not stall the pipeline: the time to read one page (dedup words and the
 * extractor) as it grows, on one long line and on short lines, per 100,000 characters. Each row is
 * compared with the smallest page's rate in the same run: a linear step stays near 1x. The text is
 * generated (news-like sentences naming a wanted person), not taken from any corpus.
 */
import { performance } from 'node:perf_hooks';
import { words } from '../src/ingest/dedup/normalize.js';
import { MAX_ARTICLE_CHARS } from '../src/ingest/article/index.js';
import { createExtractor } from '../src/extract/index.js';
import { loadExtractorData } from '../src/extract/load.js';
import { loadRegistry } from '../src/registry/index.js';
import { printTable } from './measure.js';

const SENTENCES = [
  'Vladimir Putin will travel to Mongolia on Tuesday, the Kremlin said.',
  'Officials in Ulaanbaatar prepared the ceremony while protesters gathered outside.',
  'Netanyahu met ministers in Washington last week, his office said.',
  '普京周一抵达乌兰巴托。',
  'The U.S. and the E.U. objected to the visit.',
];
const SIZES = [25_000, 100_000, 200_000, 400_000];

function page(chars: number, lineBreaks: boolean): string {
  const out: string[] = [];
  for (let n = 0, i = 0; n < chars; i++) {
    const s = SENTENCES[i % SENTENCES.length]! + (lineBreaks && i % 4 === 3 ? '\n' : ' ');
    out.push(s);
    n += s.length;
  }
  return out.join('').slice(0, chars);
}

const msOf = (fn: () => unknown) => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

export function benchLongPages(): void {
  const extract = createExtractor(loadRegistry(), loadExtractorData());
  extract({ text: page(5_000, true), published: '2024-09-01' }); // warm-up
  for (const lineBreaks of [false, true]) {
    const rows: string[][] = [];
    let base: { words: number; extract: number } | undefined;
    for (const size of SIZES) {
      const text = page(size, lineBreaks);
      const per = 100_000 / size;
      const w = msOf(() => words(text)) * per;
      const e = msOf(() => extract({ text, published: '2024-09-01' })) * per;
      base ??= { words: w, extract: e };
      rows.push([
        size.toLocaleString('en'),
        `${w.toFixed(1)} ms`,
        `${(w / base.words).toFixed(1)}x`,
        `${e.toFixed(0)} ms`,
        `${(e / base.extract).toFixed(1)}x`,
      ]);
    }
    printTable(
      `One page ${lineBreaks ? 'of short lines' : 'on one line'}: time per 100,000 characters (an article's text is cut at ${MAX_ARTICLE_CHARS.toLocaleString('en')})`,
      ['characters', 'dedup words()', 'vs smallest', 'extractor', 'vs smallest'],
      rows,
    );
  }
}
