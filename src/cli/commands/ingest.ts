/**
 * @module cli/commands/ingest
 * `warrant-watch ingest <url|file|dir>...`: reads pages, feeds, Telegram channel previews and
 * local files (feed files and file:// URLs included) into the store, with a progress bar on long
 * runs and a summary at the end, which names what was read only in part (cut, damaged).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { listFiles } from '../../ingest/files/read-files.js';
import type { Source } from '../../ingest/sources.js';
import type { IngestDeps, IngestSummary } from '../../jobs/ingest.js';
import { choiceArg } from '../args.js';
import type { CliContext } from '../context.js';
import { NothingDoneError, UsageError } from '../errors.js';
import { printJson } from '../output.js';
import { alertJson } from '../record-json.js';

import type { DeliverSummary } from '../../jobs/delivery.js';
import type { RecordPendingResult } from '../../jobs/record.js';
import { printRecorded, printSummary } from '../summary.js';

/** The pipeline's services, loaded when the command runs: `--help` need not pay for them. */
const pipeline = () => import('../services.js');

const KINDS = ['auto', 'feed', 'page', 'telegram'] as const;

/** Guesses what a URL serves from its shape; `--kind` overrides. */
function kindOf(url: URL): Source['kind'] {
  if (url.hostname === 't.me' && url.pathname.startsWith('/s/')) return 'telegram';
  if (/(\.(xml|rss|atom)$|\/(rss|feed|atom)(\/|\.|$)|format=(rss|atom))/i.test(url.pathname + url.search))
    return 'feed';
  return 'page';
}

function adHocSource(url: URL, kind: Source['kind']): Source {
  const id = `cli-${createHash('sha256').update(url.href).digest('hex').slice(0, 12)}`;
  return { id, kind, url: url.href, title: url.href, lang: 'und', everyMinutes: 60, enabled: true };
}

export function registerIngest(program: Command, ctx: CliContext): void {
  program
    .command('ingest')
    .description('read pages, feeds, t.me/s/ channel previews, files and folders into the store')
    .argument('<inputs...>', 'URLs, files (.html .txt .json .jsonl .rss .atom .xml), file:// URLs or folders')
    .option('--kind <kind>', `what the URLs are: ${KINDS.join(', ')}`, 'auto')
    .option('--json', 'print the summary as JSON')
    .action(async (inputs: string[], opts: { kind: string; json?: boolean }) => {
      const kind = choiceArg(opts.kind, KINDS, 'kind');
      // Every input is checked before the store is opened: a typo costs nothing.
      type Job = (deps: IngestDeps) => Promise<IngestSummary>;
      const jobs: Job[] = [];
      const { addSummary, emptySummary, ingestFile, ingestSource } = await import('../../jobs/ingest.js');
      for (const raw of inputs) {
        let input = raw;
        if (/^file:/i.test(raw)) {
          try {
            input = fileURLToPath(raw);
          } catch (e) {
            throw new UsageError(`bad file URL "${raw}": ${(e as Error).message}`);
          }
        }
        if (/^https?:\/\//i.test(input)) {
          let url: URL;
          try {
            url = new URL(input);
          } catch {
            throw new UsageError(`bad URL "${input}"`);
          }
          const source = adHocSource(url, kind === 'auto' ? kindOf(url) : kind);
          jobs.push((deps) => ingestSource(deps, source));
        } else if (existsSync(input))
          for (const file of listFiles(input)) jobs.push((deps) => ingestFile(deps, file));
        else throw new UsageError(`"${raw}" is neither an http(s) URL nor an existing file or folder`);
      }
      const { openServices, recorder, feedWriter, deliverer } = await pipeline();
      const services = await openServices(ctx);
      const bar =
        jobs.length > 20 && process.stderr.isTTY
          ? new SingleBar({ stream: process.stderr, format: 'ingest [{bar}] {value}/{total} files' })
          : undefined;
      let total = emptySummary();
      let recorded: RecordPendingResult;
      let sent: DeliverSummary;
      try {
        bar?.start(jobs.length, 0);
        for (const job of jobs) {
          total = addSummary(total, await job(services.deps));
          bar?.increment();
        }
        bar?.stop();
        // What was read goes through the record (events, trips, alerts) before the command returns.
        recorded = await (await recorder(ctx, services.deps.store))();
        if (recorded.alerts.length) await feedWriter(ctx, services.config, services.deps.store)();
        const send = deliverer(services.config, services.deps.store);
        try {
          sent = await send.run();
        } finally {
          await send.close();
        }
      } finally {
        bar?.stop();
        await services.close();
      }
      if (opts.json)
        printJson(ctx.out, {
          ...total,
          recorded: {
            articles: recorded.articles,
            alerts: recorded.alerts.map(alertJson),
            failed: recorded.failed.map((f) => ({ article_id: f.articleId, reason: f.reason })),
          },
          webhooks: sent,
        });
      else {
        printSummary(ctx.out, total);
        for (const n of total.notes.slice(0, 20)) ctx.out.write(`  note: ${n.where}: ${n.note}\n`);
        if (total.notes.length > 20) ctx.out.write(`  ... and ${total.notes.length - 20} more notes\n`);
        printRecorded(ctx.out, recorded);
        if (sent.delivered + sent.retried + sent.dead)
          ctx.out.write(
            `webhooks: ${sent.delivered} delivered, ${sent.retried} to retry, ${sent.dead} given up\n`,
          );
      }
      const read = total.new + total.duplicate + total.skipped + total.notModified;
      if (read === 0 && total.failed.length)
        throw new NothingDoneError(`every input failed (${total.failed.length}); nothing was read`);
    });
}
