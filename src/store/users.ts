/**
 * @module store/users
 * Accounts and sessions over Kysely (store/users-types).
 */
import type { Selectable } from 'kysely';
import type { StoreContext } from './context.js';
import { isoTime } from './context.js';
import { StoreError, isUniqueViolation } from './errors.js';
import type { UsersTable } from './schema.js';
import type { Session, User, UserRole } from './users-types.js';

function userOf(r: Selectable<UsersTable>): User {
  const u: User = {
    id: r.id,
    email: r.email,
    role: r.role,
    passwordHash: r.password_hash,
    failedLogins: r.failed_logins,
    createdAt: r.created_at,
  };
  if (r.locked_until !== null) u.lockedUntil = r.locked_until;
  return u;
}

/** One spelling per address, so that Ann@X and ann@x are one account. */
const normalEmail = (email: string) => email.trim().toLowerCase();

export async function addUser(
  ctx: StoreContext,
  req: { email: string; role: UserRole; passwordHash: string },
): Promise<User> {
  const row: Selectable<UsersTable> = {
    id: ctx.newId(),
    email: normalEmail(req.email),
    role: req.role,
    password_hash: req.passwordHash,
    failed_logins: 0,
    locked_until: null,
    created_at: ctx.now().toISOString(),
  };
  try {
    await ctx.db.insertInto('users').values(row).execute();
  } catch (e) {
    if (isUniqueViolation(e)) throw new StoreError('invalid_request', `${row.email} already has an account`);
    throw e;
  }
  return userOf(row);
}

export async function getUser(
  ctx: StoreContext,
  req: { email?: string; id?: string },
): Promise<User | undefined> {
  let q = ctx.db.selectFrom('users').selectAll();
  if (req.id !== undefined) q = q.where('id', '=', req.id);
  else if (req.email !== undefined) q = q.where('email', '=', normalEmail(req.email));
  else return undefined;
  const r = await q.executeTakeFirst();
  return r ? userOf(r) : undefined;
}

export async function recordLoginFailure(
  ctx: StoreContext,
  req: { id: string; lockUntil?: string },
): Promise<User> {
  await ctx.db
    .updateTable('users')
    .set((eb) => ({
      failed_logins: eb('failed_logins', '+', 1),
      ...(req.lockUntil ? { locked_until: isoTime(req.lockUntil, 'lockUntil') } : {}),
    }))
    .where('id', '=', req.id)
    .execute();
  const u = await getUser(ctx, { id: req.id });
  if (!u) throw new StoreError('invalid_request', `no user ${req.id}`);
  return u;
}

export async function resetLoginFailures(ctx: StoreContext, req: { id: string }): Promise<void> {
  await ctx.db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', req.id)
    .execute();
}

export async function createSession(ctx: StoreContext, req: Session): Promise<void> {
  await ctx.db
    .insertInto('sessions')
    .values({
      id_hash: req.idHash,
      user_id: req.userId,
      created_at: isoTime(req.createdAt, 'createdAt'),
      expires_at: isoTime(req.expiresAt, 'expiresAt'),
    })
    .execute();
}

export async function findSession(
  ctx: StoreContext,
  req: { idHash: string; now: string },
): Promise<{ session: Session; user: User } | undefined> {
  const s = await ctx.db
    .selectFrom('sessions')
    .selectAll()
    .where('id_hash', '=', req.idHash)
    .where('expires_at', '>', isoTime(req.now, 'now'))
    .executeTakeFirst();
  if (!s) return undefined;
  const user = await getUser(ctx, { id: s.user_id });
  if (!user) return undefined;
  return {
    session: { idHash: s.id_hash, userId: s.user_id, createdAt: s.created_at, expiresAt: s.expires_at },
    user,
  };
}

export async function deleteSession(ctx: StoreContext, req: { idHash: string }): Promise<void> {
  await ctx.db.deleteFrom('sessions').where('id_hash', '=', req.idHash).execute();
}
