/**
 * @module store/users-types
 * The accounts' part of the Store: analysts and moderators, their failed sign-ins and sessions.
 * Password hashing and session ids are the web's (web/auth); the store keeps what it is given.
 */

export type UserRole = 'analyst' | 'moderator';

export interface User {
  id: string;
  email: string;
  role: UserRole;
  passwordHash: string;
  failedLogins: number;
  lockedUntil?: string;
  createdAt: string;
}

export interface Session {
  idHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface UserRepository {
  /** Throws StoreError 'invalid_request' when the e-mail already has an account. */
  addUser(req: { email: string; role: UserRole; passwordHash: string }): Promise<User>;
  getUser(req: { email?: string; id?: string }): Promise<User | undefined>;
  /** Counts one failure; locks the account until `lockUntil` when given. */
  recordLoginFailure(req: { id: string; lockUntil?: string }): Promise<User>;
  resetLoginFailures(req: { id: string }): Promise<void>;
  createSession(req: Session): Promise<void>;
  /** The session and its user, when it exists and has not expired at `now`. */
  findSession(req: { idHash: string; now: string }): Promise<{ session: Session; user: User } | undefined>;
  deleteSession(req: { idHash: string }): Promise<void>;
}
