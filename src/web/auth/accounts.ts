/**
 * @module web/auth/accounts
 * Signing in and who is signed in, with no HTTP in it: a sign-in checks the password (argon2id),
 * counts failures and locks the account for a while after too many, and makes a new session
 * every time (the id the browser had before is never the one it has after: no session fixation).
 */
import type { Store, User, UserRole } from '../../store/index.js';
import { WebError } from './errors.js';
import { newSessionId, sessionHash } from './keys.js';
import { decoyHash, verifyPassword } from './passwords.js';

/** Failed sign-ins in a row that lock an account, and for how long. */
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
export const SESSION_HOURS = 12;

export interface AccountDeps {
  store: Pick<
    Store,
    | 'getUser'
    | 'recordLoginFailure'
    | 'resetLoginFailures'
    | 'createSession'
    | 'findSession'
    | 'deleteSession'
  >;
  now: () => Date;
}

/** One message for an unknown address and a wrong password: which one it was is not said. */
const WRONG = 'The e-mail address or the password is wrong.';

export async function signIn(
  deps: AccountDeps,
  req: { email: string; password: string; previousSessionId?: string },
): Promise<{ sessionId: string; user: User }> {
  const now = deps.now();
  const user = await deps.store.getUser({ email: req.email });
  if (!user) {
    await verifyPassword(await decoyHash(), req.password);
    throw new WebError('unauthenticated', WRONG);
  }
  if (user.lockedUntil && Date.parse(user.lockedUntil) > now.getTime())
    throw new WebError(
      'locked',
      'Too many failed sign-ins: this account is locked for a while. Try again later.',
    );
  if (!(await verifyPassword(user.passwordHash, req.password))) {
    const lock = user.failedLogins + 1 >= MAX_FAILURES;
    await deps.store.recordLoginFailure({
      id: user.id,
      ...(lock ? { lockUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() } : {}),
    });
    throw new WebError('unauthenticated', WRONG);
  }
  await deps.store.resetLoginFailures({ id: user.id });
  if (req.previousSessionId) await deps.store.deleteSession({ idHash: sessionHash(req.previousSessionId) });
  const sessionId = newSessionId();
  await deps.store.createSession({
    idHash: sessionHash(sessionId),
    userId: user.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
  });
  return { sessionId, user };
}

export async function signedInUser(
  deps: AccountDeps,
  sessionId: string | undefined,
): Promise<User | undefined> {
  if (!sessionId) return undefined;
  const found = await deps.store.findSession({
    idHash: sessionHash(sessionId),
    now: deps.now().toISOString(),
  });
  return found?.user;
}

export async function signOut(deps: AccountDeps, sessionId: string | undefined): Promise<void> {
  if (sessionId) await deps.store.deleteSession({ idHash: sessionHash(sessionId) });
}

/** Moderators may do everything analysts may. */
export const hasRole = (user: User, role: UserRole) => role === 'analyst' || user.role === 'moderator';
