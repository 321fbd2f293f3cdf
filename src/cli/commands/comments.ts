/**
 * @module cli/commands/comments
 * `warrant-watch comments pending [--json] | approve <id> | reject <id> | purge [--older-than DAYS]
 * [--dry-run]`: the moderation queue of the web's comments from the command line (the same as
 * /moderation), and the purge of those left waiting (the watcher runs it too). No e-mail address is
 * shown: an address is kept only, encrypted, for reply notifications, and never printed.
 */
import type { Command } from 'commander';
import { readConfig } from '../../config.js';
import { purgeStaleComments } from '../../jobs/comment-purge.js';
import type { Store } from '../../store/index.js';
import { commentJson } from '../../web/comments/service.js';
import type { CliContext } from '../context.js';
import { wholeNumberArg } from '../args.js';
import { UsageError } from '../errors.js';
import { printJson, table } from '../output.js';
import { openConfiguredStore } from '../stores.js';

async function withStore<T>(ctx: CliContext, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openConfiguredStore(readConfig(ctx.env));
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

const oneLine = (text: string, max = 60) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export function registerComments(program: Command, ctx: CliContext): void {
  const comments = program.command('comments').description("the web's comments waiting for a moderator");
  comments
    .command('pending')
    .description('the comments waiting, oldest first')
    .option('--json', 'print an array of comments')
    .action(async (opts: { json?: boolean }) => {
      const pending = await withStore(ctx, (s) => s.listComments({ state: 'pending', limit: 10_000 }));
      if (opts.json)
        return printJson(
          ctx.out,
          pending.map((c) => ({ ...commentJson(c), held: c.held ?? null })),
        );
      if (!pending.length) return void ctx.out.write('no comments waiting\n');
      ctx.out.write(
        table(
          ['id', 'target', 'held', 'received', 'name', 'comment'],
          pending.map((c) => [
            c.id,
            c.target,
            c.held ?? '',
            c.createdAt,
            oneLine(c.name, 20),
            oneLine(c.body),
          ]),
        ),
      );
    });
  for (const decision of ['approve', 'reject'] as const)
    comments
      .command(decision)
      .description(
        decision === 'approve' ? 'publish a comment (its author is trusted after)' : 'hide a comment',
      )
      .argument('<id>', 'the id `comments pending` shows')
      .action(async (id: string) => {
        const done = await withStore(ctx, (s) => s.decideComment({ id, decision, by: 'cli' }));
        if (!done) throw new UsageError(`no comment ${id}`);
        ctx.out.write(
          `${decision === 'approve' ? 'approved' : 'rejected'} comment ${id}: now ${done.state}\n`,
        );
      });
  comments
    .command('purge')
    .description('remove the comments no moderator decided on within the days given')
    .option('--older-than <days>', 'days a comment may wait (default: WW_COMMENT_PURGE_DAYS, 30)')
    .option('--dry-run', 'say what would be removed, remove nothing')
    .action(async (opts: { olderThan?: string; dryRun?: boolean }) => {
      const config = readConfig(ctx.env);
      const days =
        opts.olderThan === undefined
          ? config.commentPurgeDays
          : wholeNumberArg('--older-than', opts.olderThan, 1, 3650);
      const r = await withStore(ctx, (store) =>
        purgeStaleComments({ store, now: () => new Date() }, { days, dryRun: opts.dryRun ?? false }),
      );
      const verb = r.dryRun ? 'would purge' : 'purged';
      ctx.out.write(`${verb} ${r.purged.length} comment(s) pending since before ${r.before}\n`);
      for (const id of r.purged) ctx.out.write(`  ${id}\n`);
    });
}
