/**
 * @module web/auth/passwords
 * Passwords hashed with argon2id (@node-rs/argon2's default algorithm, at its default cost:
 * 19 MiB, 2 passes, OWASP's first choice), verified without revealing which part was wrong.
 */
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** False for a wrong password and for a hash that cannot be read alike. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A password for `user add` without one: 20 characters from 120 random bits. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

/** A hash of a password nobody has, checked when the account does not exist, so that a wrong
 * address takes as long to refuse as a wrong password. */
let decoy: Promise<string> | undefined;
export const decoyHash = () => (decoy ??= hash(generatePassword()));
