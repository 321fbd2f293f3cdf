import { describe, expect, it } from 'vitest';
import { deriveKeys } from './keys.js';

const A = deriveKeys('a'.repeat(64));
const B = deriveKeys('b'.repeat(64));
const address = 'Reader.Private+ww@example.org';

describe('the key that encrypts addresses kept for reply e-mails', () => {
  it('seals an address so that only the same secret and comment open it', () => {
    const sealed = A.sealAddress('c1', address);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(sealed.toLowerCase()).not.toContain('reader');
    expect(Buffer.from(sealed.slice(3), 'base64url').toString('latin1')).not.toContain('example.org');
    expect(A.sealAddress('c1', address)).not.toBe(sealed); // a fresh IV each time
    expect(A.openAddress('c1', sealed)).toBe(address);
    expect(() => B.openAddress('c1', sealed)).toThrow();
    expect(() => A.openAddress('c2', sealed)).toThrow();
    const flipped = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => A.openAddress('c1', flipped)).toThrow();
    expect(() => A.openAddress('c1', 'plain@example.org')).toThrow(/not a sealed address/);
  });

  it('signs unsubscribe links apart from delete links', () => {
    const sig = A.unsubscribeSig('c1');
    expect(A.checkUnsubscribeSig('c1', sig)).toBe(true);
    expect(A.checkUnsubscribeSig('c2', sig)).toBe(false);
    expect(B.checkUnsubscribeSig('c1', sig)).toBe(false);
    expect(A.checkDeleteSig('c1', sig)).toBe(false);
    expect(A.checkUnsubscribeSig('c1', A.deleteSig('c1'))).toBe(false);
  });
});
