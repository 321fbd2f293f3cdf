import { describe, expect, it } from 'vitest';
import { fold, foldUnit } from './fold.js';
import { tokenKey } from './tokens.js';

describe('fold', () => {
  it('folds case and accents as token keys do', () => {
    for (const w of ['Blé', 'Goudé', 'NETANJAHU', 'Putín', 'Erdoğan', 'Ñuñoa', 'Łódź'])
      expect(fold(w.toLowerCase())).toBe(tokenKey(w));
  });

  it('gives the Arabic and Persian forms of yeh and kaf one key, as token keys do', () => {
    // "رئيس جمهور" typed with Arabic yeh, as much Persian news is, meets the Persian "رئیس".
    expect(tokenKey('رئيس')).toBe(tokenKey('رئیس'));
    expect(tokenKey('كشور')).toBe(tokenKey('کشور'));
    expect(tokenKey('مصطفى')).toBe(tokenKey('مصطفی'));
    for (const w of ['رئيس', 'كشور', 'مصطفى']) expect(fold(w)).toBe(tokenKey(w));
  });

  it('drops combining marks and keeps what folds to more than one character', () => {
    expect(foldUnit(0x301)).toBe(-1);
    expect(fold('ﬁ')).toBe('ﬁ');
    expect(fold('ΟΔΥΣΣΕΑΣ')).toBe(fold('οδυσσεας')); // the final sigma folds as any sigma
  });
});
