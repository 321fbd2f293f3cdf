/**
 * @module web/account/service
 * A signed-in user's webhooks: listed with their latest deliveries, added (the secret made here,
 * returned once), removed. A user sees and removes only their own; a moderator sees everyone's
 * too (the operator's from the CLI among them), and removes only their own here as well.
 */
import { randomBytes } from 'node:crypto';
import type { Delivery, StoredAlert, User, Webhook } from '../../store/index.js';
import { findAppError } from '../../errors.js';
import { WebError } from '../auth/errors.js';
import type { CommunityContext } from '../comments/context.js';
import type { AddWebhookForm } from './form.js';

/** Webhooks one account may hold at once. */
export const MAX_WEBHOOKS_PER_USER = 10;
/** The latest deliveries shown under each webhook. */
export const DELIVERIES_SHOWN = 10;

export interface WebhookView {
  hook: Webhook;
  /** Who added it, for a moderator's list: an e-mail address, or the operator. */
  owner: string;
  deliveries: (Delivery & { alert: StoredAlert })[];
}

export interface AccountWebhooks {
  own: WebhookView[];
  /** Everyone else's: only for moderators, empty otherwise. */
  others: WebhookView[];
}

const OPERATOR = 'the operator (added with the CLI)';

export async function webhooksOf(ctx: CommunityContext, user: User): Promise<AccountWebhooks> {
  const { store } = ctx.deps;
  const hooks =
    user.role === 'moderator' ? await store.listWebhooks({}) : await store.listWebhooks({ ownerId: user.id });
  const owners = new Map<string, string>([[user.id, user.email]]);
  const ownerOf = async (id: string | undefined) => {
    if (!id) return OPERATOR;
    if (!owners.has(id)) owners.set(id, (await store.getUser({ id }))?.email ?? 'a removed account');
    return owners.get(id)!;
  };
  const views = await Promise.all(
    hooks.map(async (hook) => ({
      hook,
      owner: await ownerOf(hook.ownerId),
      deliveries: await store.listDeliveries({ webhookId: hook.id, limit: DELIVERIES_SHOWN }),
    })),
  );
  return {
    own: views.filter((v) => v.hook.ownerId === user.id),
    others: views.filter((v) => v.hook.ownerId !== user.id),
  };
}

/** Adds the webhook with a new secret: the only time the secret leaves the store. */
export async function addUserWebhook(
  ctx: CommunityContext,
  user: User,
  form: AddWebhookForm,
): Promise<{ hook: Webhook; secret: string }> {
  const check = ctx.deps.checkWebhookUrl;
  if (!check) throw new WebError('forbidden', 'This server is not set up to check webhook addresses.');
  const refused = await check(form.url);
  if (refused) throw new WebError('invalid_request', `Not added: ${refused}.`);
  // 256 random bits, the CLI's form of a generated secret.
  const secret = randomBytes(32).toString('base64url');
  try {
    const hook = await ctx.deps.store.addWebhook({
      url: form.url,
      secret,
      ...(form.kinds.length ? { kinds: form.kinds } : {}),
      ownerId: user.id,
      maxPerOwner: MAX_WEBHOOKS_PER_USER,
    });
    return { hook, secret };
  } catch (e) {
    if (findAppError(e)?.code !== 'limit_reached') throw e;
    throw new WebError(
      'invalid_request',
      `Not added: an account holds at most ${MAX_WEBHOOKS_PER_USER} webhooks. Remove one first.`,
    );
  }
}

/** Someone else's webhook is answered as one that does not exist (404), never as forbidden. */
export async function removeUserWebhook(ctx: CommunityContext, user: User, id: string): Promise<void> {
  if (!(await ctx.deps.store.removeWebhook({ id, ownerId: user.id })))
    throw new WebError('not_found', 'You have no such webhook.');
}
