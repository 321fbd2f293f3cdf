/**
 * @module web/auth/keys
 * Everything derived from the site secret, each use under its own label so that one derived key
 * says nothing of another: the cookie signing key, the CSRF key, commenters' e-mail keys,
 * delete-link signatures.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface Keys {
  cookieSecret: string;
  /** The key that binds a CSRF token to the session it was made for. */
  csrfKey: string;
  /** The keyed hash of an e-mail address (trimmed, lower case): recognises an author, publishes nothing. */
  emailKey(email: string): string;
  /** The signature of a comment's delete link. */
  deleteSig(commentId: string): string;
  checkDeleteSig(commentId: string, sig: string): boolean;
}

const mac = (secret: string, label: string, value: string) =>
  createHmac('sha256', secret).update(`${label}\0${value}`).digest('base64url');

export function deriveKeys(secret: string): Keys {
  return {
    cookieSecret: mac(secret, 'cookie', ''),
    csrfKey: mac(secret, 'csrf', ''),
    emailKey: (email) => mac(secret, 'email', email.trim().toLowerCase()),
    deleteSig: (id) => mac(secret, 'delete', id),
    checkDeleteSig: (id, sig) => {
      const want = Buffer.from(mac(secret, 'delete', id));
      const got = Buffer.from(sig);
      return want.length === got.length && timingSafeEqual(want, got);
    },
  };
}

/** A new session id (256 random bits) and the hash the store keeps of it. */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

export const sessionHash = (id: string) => createHash('sha256').update(id).digest('hex');
