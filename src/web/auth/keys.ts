/**
 * @module web/auth/keys
 * Everything derived from the site secret, each use under its own label so that one derived key
 * says nothing of another: the cookie signing key, the CSRF key, commenters' e-mail keys, delete-link
 * and unsubscribe-link signatures, and the key that encrypts the addresses kept for reply e-mails.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

export interface Keys {
  cookieSecret: string;
  /** The key that binds a CSRF token to the session it was made for. */
  csrfKey: string;
  /** The keyed hash of an e-mail address (trimmed, lower case): recognises an author, publishes nothing. */
  emailKey(email: string): string;
  /** The signature of a comment's delete link. */
  deleteSig(commentId: string): string;
  checkDeleteSig(commentId: string, sig: string): boolean;
  /** The signature of the link in a reply e-mail that stops them for this comment. */
  unsubscribeSig(commentId: string): string;
  checkUnsubscribeSig(commentId: string, sig: string): boolean;
  /**
   * The address, encrypted (AES-256-GCM, a fresh IV each time) and bound to the comment: a sealed
   * address copied onto another comment's row does not open.
   */
  sealAddress(commentId: string, email: string): string;
  /** The address again; throws when the secret or the comment is not the one it was sealed with. */
  openAddress(commentId: string, sealed: string): string;
}

const mac = (secret: string, label: string, value: string) =>
  createHmac('sha256', secret).update(`${label}\0${value}`).digest('base64url');

const sameText = (want: string, got: string) => {
  const a = Buffer.from(want);
  const b = Buffer.from(got);
  return a.length === b.length && timingSafeEqual(a, b);
};

const SEALED = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function addressBox(key: Buffer) {
  return {
    seal(commentId: string, email: string): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(commentId));
      const data = Buffer.concat([cipher.update(email, 'utf8'), cipher.final()]);
      return `${SEALED}.${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url')}`;
    },
    open(commentId: string, sealed: string): string {
      const [version, body = ''] = sealed.split('.');
      if (version !== SEALED) throw new Error('not a sealed address');
      const raw = Buffer.from(body, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES))
        .setAAD(Buffer.from(commentId))
        .setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}

export function deriveKeys(secret: string): Keys {
  const box = addressBox(createHmac('sha256', secret).update('address-encryption\0').digest());
  return {
    cookieSecret: mac(secret, 'cookie', ''),
    csrfKey: mac(secret, 'csrf', ''),
    emailKey: (email) => mac(secret, 'email', email.trim().toLowerCase()),
    deleteSig: (id) => mac(secret, 'delete', id),
    checkDeleteSig: (id, sig) => sameText(mac(secret, 'delete', id), sig),
    unsubscribeSig: (id) => mac(secret, 'unsubscribe', id),
    checkUnsubscribeSig: (id, sig) => sameText(mac(secret, 'unsubscribe', id), sig),
    sealAddress: box.seal,
    openAddress: box.open,
  };
}

/** A new session id (256 random bits) and the hash the store keeps of it. */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

export const sessionHash = (id: string) => createHash('sha256').update(id).digest('hex');
