/**
 * @module web/auth/http
 * Sessions over HTTP: the cookie (HttpOnly, SameSite=Lax, Secure when the site is served over
 * https), and `requireUser`, the authorise step of every signed-in handler.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { User, UserRole } from '../../store/index.js';
import { hasRole, SESSION_HOURS, signedInUser, type AccountDeps } from './accounts.js';
import { WebError } from './errors.js';

export const SESSION_COOKIE = 'ww_session';

export const sessionIdOf = (req: FastifyRequest): string | undefined => req.cookies[SESSION_COOKIE];

export function setSessionCookie(reply: FastifyReply, sessionId: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: SESSION_HOURS * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The signed-in user with at least `role`; a 401 when nobody is, a 403 when the role is lower. */
export async function requireUser(deps: AccountDeps, req: FastifyRequest, role: UserRole): Promise<User> {
  const user = await signedInUser(deps, sessionIdOf(req));
  if (!user) throw new WebError('unauthenticated', 'Sign in first: /signin');
  if (!hasRole(user, role)) throw new WebError('forbidden', `This needs a ${role}'s account.`);
  return user;
}
