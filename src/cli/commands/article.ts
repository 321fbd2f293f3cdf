/**
 * @module cli/commands/article
 * `warrant-watch article <file|url> --json`: what the extractor reads from one page.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { readConfig } from '../../config.js';
import { extractArticle } from '../../ingest/article/index.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { printJson, wrap } from '../output.js';

/** The pipeline's services, loaded when the command runs: `--help` need not pay for them. */
const pipeline = () => import('../services.js');

async function load(ctx: CliContext, input: string): Promise<{ html: string; url: string }> {
  if (/^https?:\/\//i.test(input)) {
    const fetcher = (await pipeline()).fetcherFor(readConfig(ctx.env));
    try {
      const res = await fetcher.fetch(input);
      if (res.kind !== 'ok')
        throw new UsageError(`${input}: the server answered "not modified" to an unconditional request`);
      return { html: res.text, url: res.url };
    } finally {
      await fetcher.close();
    }
  }
  try {
    return { html: readFileSync(input, 'utf8'), url: pathToFileURL(resolve(input)).href };
  } catch (e) {
    throw new UsageError(`cannot read "${input}": ${(e as Error).message}`);
  }
}

export function registerArticle(program: Command, ctx: CliContext): void {
  program
    .command('article')
    .description('extract the article (title, byline, date, language, URL, text) from one page')
    .argument('<input>', 'an HTML file or an http(s) URL')
    .option('--json', 'print JSON')
    .action(async (input: string, opts: { json?: boolean }) => {
      const { html, url } = await load(ctx, input);
      const a = extractArticle(html, url);
      const result = {
        title: a.title,
        byline: a.byline,
        published: a.published,
        lang: a.lang,
        url: a.url ?? url,
        text: a.text,
      };
      if (opts.json) return printJson(ctx.out, result);
      ctx.out.write(
        `${result.title ?? '(no title)'}\n${[result.byline, result.published, result.lang, result.url].filter(Boolean).join(' | ')}\n\n${wrap(result.text)}\n`,
      );
    });
}
