/**
 * @module web/comments/context
 * What the comment, account and moderation routes (and the comments' API) share, made once when the server is built, and
 * the rate limit of each trust group (per client address; the per-author limit is policy's).
 */
import type { AccountDeps } from '../auth/accounts.js';
import { deriveKeys, type Keys } from '../auth/keys.js';
import type { WebDeps } from '../deps.js';

export interface CommunityContext {
  deps: WebDeps;
  keys: Keys;
  accounts: AccountDeps;
  /** Cookies get the Secure flag when the site is served over https. */
  secureCookies: boolean;
}

/** The context, its keys derived from the configured secret (WW_SECRET) or the one kept in the database. */
export async function communityContext(deps: WebDeps): Promise<CommunityContext> {
  const secret = deps.secret ?? (await deps.store.siteSecret({ name: 'web' }));
  return {
    deps,
    keys: deriveKeys(secret),
    accounts: { store: deps.store, now: deps.now },
    secureCookies: deps.publicUrl.startsWith('https:'),
  };
}

const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: 60_000 } });

/** Route config by group: public reads, public writes, sign-in, signed-in, moderator. */
export const LIMITS = {
  publicRead: perMinute(120),
  publicWrite: perMinute(10),
  signIn: perMinute(10),
  signedIn: perMinute(120),
  moderator: perMinute(240),
} as const;
