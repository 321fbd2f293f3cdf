/**
 * @module cli/commands/webhooks
 * `warrant-watch webhooks add|list|remove`: the receivers that every new alert is delivered to,
 * signed with each one's secret. A secret is printed once, when it is made, and never again.
 */
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { z } from 'zod';
import type { AlertKind } from '../../alerts/index.js';
import { readConfig } from '../../config.js';
import type { Store, Webhook } from '../../store/index.js';
import { openConfiguredStore } from '../stores.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { printJson, table } from '../output.js';

// A record over the type, so that a new alert kind is a type error here until it is listed.
const KIND_NAMES: Record<AlertKind, true> = {
  upcoming_visit: true,
  arrival: true,
  departed_without_arrest: true,
  cancelled: true,
  arrested: true,
};
const KINDS = Object.keys(KIND_NAMES) as [AlertKind, ...AlertKind[]];

const urlSchema = z
  .url({ protocol: /^https?$/, error: 'only http and https URLs receive webhooks' })
  .refine((u) => !new URL(u).username && !new URL(u).password, {
    error: 'a webhook URL must not carry a user name or password (deliveries are signed with the secret)',
  });
// Short keys can be guessed offline from one signed delivery a receiver leaked.
const secretSchema = z.string().min(16, { error: 'a secret needs at least 16 characters' });
const kindSchema = z.enum(KINDS);

const mailSchema = z.email({ error: 'not an e-mail address' });

/** http(s) receivers, or `mailto:` addresses that get the alert by e-mail (WW_SMTP_URL). */
function parseUrl(input: string): string {
  if (input.toLowerCase().startsWith('mailto:')) {
    const r = mailSchema.safeParse(input.slice('mailto:'.length));
    if (!r.success) throw new UsageError(`bad webhook address "${input}": ${r.error.issues[0]?.message}`);
    return `mailto:${r.data}`;
  }
  const r = urlSchema.safeParse(input);
  if (!r.success) throw new UsageError(`bad webhook URL "${input}": ${r.error.issues[0]?.message}`);
  return new URL(r.data).href;
}

function parseKinds(input: string): AlertKind[] {
  const kinds = input.split(',').map((k) => k.trim());
  const bad = kinds.filter((k) => !kindSchema.safeParse(k).success);
  if (bad.length)
    throw new UsageError(`unknown alert kind(s) "${bad.join('", "')}"; choose from: ${KINDS.join(', ')}`);
  return [...new Set(kinds as AlertKind[])];
}

function parseSecret(input: string): string {
  const r = secretSchema.safeParse(input);
  // The value itself is not echoed: it is a secret even when it is a bad one.
  if (!r.success) throw new UsageError(`bad --secret: ${r.error.issues[0]?.message}`);
  return r.data;
}

/** What `list --json` prints: everything but the secret; the owner null for the operator's own. */
function webhookJson(w: Webhook, ownerEmail: string | undefined) {
  return {
    id: w.id,
    url: w.url,
    kinds: w.kinds ?? null,
    created_at: w.createdAt,
    owner: w.ownerId ? { id: w.ownerId, email: ownerEmail ?? null } : null,
  };
}

/** The e-mail of each owner (the operator sees who added what on the web; a removed user has none). */
async function ownerEmails(store: Store, hooks: readonly Webhook[]): Promise<Map<string, string>> {
  const ids = [...new Set(hooks.flatMap((h) => (h.ownerId ? [h.ownerId] : [])))];
  const users = await Promise.all(ids.map((id) => store.getUser({ id })));
  return new Map(users.flatMap((u) => (u ? [[u.id, u.email] as const] : [])));
}

async function withStore<T>(ctx: CliContext, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openConfiguredStore(readConfig(ctx.env));
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

export function registerWebhooks(program: Command, ctx: CliContext): void {
  const webhooks = program
    .command('webhooks')
    .description('the URLs every new alert is POSTed to, signed (Standard Webhooks)');

  webhooks
    .command('add')
    .description('deliver alerts to a URL; prints the signing secret once when none is given')
    .argument('<url>', 'http(s) URL of the receiver, or mailto:<address> for e-mail')
    .option('--secret <secret>', 'the signing key (at least 16 characters); random when absent')
    .option('--kinds <kinds>', `only these alert kinds, comma-separated: ${KINDS.join(', ')}`)
    .action(async (input: string, opts: { secret?: string; kinds?: string }) => {
      // Every input is checked before the store is opened.
      const url = parseUrl(input);
      const kinds = opts.kinds === undefined ? undefined : parseKinds(opts.kinds);
      const secret = opts.secret === undefined ? undefined : parseSecret(opts.secret);
      const made = secret ?? randomBytes(32).toString('base64url');
      const hook = await withStore(ctx, (s) => s.addWebhook({ url, secret: made, ...(kinds && { kinds }) }));
      ctx.out.write(`added webhook ${hook.id}: ${hook.url} (${hook.kinds?.join(', ') ?? 'every kind'})\n`);
      // An e-mail is not signed: its secret is of no use to anyone.
      if (!secret && !url.startsWith('mailto:'))
        ctx.out.write(`secret (shown once, keep it to verify signatures): ${made}\n`);
    });

  webhooks
    .command('list')
    .description('the webhooks alerts go to (secrets are never shown)')
    .option('--json', 'print an array of webhooks')
    .action(async (opts: { json?: boolean }) => {
      const { hooks, owners } = await withStore(ctx, async (s) => {
        const hooks = await s.listWebhooks({});
        return { hooks, owners: await ownerEmails(s, hooks) };
      });
      const owner = (h: Webhook) => (h.ownerId ? owners.get(h.ownerId) : undefined);
      if (opts.json)
        return printJson(
          ctx.out,
          hooks.map((h) => webhookJson(h, owner(h))),
        );
      if (!hooks.length) return void ctx.out.write('no webhooks\n');
      ctx.out.write(
        table(
          ['id', 'url', 'kinds', 'added', 'owner'],
          hooks.map((h) => [
            h.id,
            h.url,
            h.kinds?.join(',') ?? 'all',
            h.createdAt,
            h.ownerId ? (owner(h) ?? `removed user ${h.ownerId}`) : 'operator (CLI)',
          ]),
        ),
      );
    });

  webhooks
    .command('remove')
    .description('stop delivering to a webhook; deliveries still pending to it are dropped')
    .argument('<id>', 'the id `webhooks list` shows')
    .action(async (id: string) => {
      if (!(await withStore(ctx, (s) => s.removeWebhook({ id })))) throw new UsageError(`no webhook ${id}`);
      ctx.out.write(`removed webhook ${id}\n`);
    });
}
