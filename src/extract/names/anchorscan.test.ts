import { describe, expect, it } from 'vitest';
import { buildAnchorScan, type AnchorPhrase, type PhraseWord } from './anchorscan.js';
import { fold } from '../text/index.js';

// Phrase words are folded, as the prefilter gives them (Arabic yeh becomes Persian yeh).
const word = (text: string, more: Partial<PhraseWord> = {}): PhraseWord => ({
  text: fold(text),
  stem: false,
  prefixed: false,
  ...more,
});
const phrase = (words: PhraseWord[], key = 0): AnchorPhrase => ({ words, key });
const found = (phrases: AnchorPhrase[], text: string) => {
  const hit = buildAnchorScan(phrases).first(text);
  return hit && text.slice(...hit);
};

describe('anchor scan', () => {
  const kony = phrase([word('joseph'), word('kony')], 1);

  it('finds a phrase by its key word and compares the words around it', () => {
    expect(found([kony], 'Said Joseph  Kony.')).toBe('Joseph  Kony');
    expect(found([kony], 'said kony, joseph.')).toBeUndefined();
    expect(found([kony], 'Joseph Konyx')).toBeUndefined();
  });

  it('compares words folded, without case or accents', () => {
    const p = phrase([word('ble'), word('goude')]);
    expect(found([p], 'BLÉ GOUDÉ')).toBe('BLÉ GOUDÉ');
    expect(found([p], 'Ble\u0301 Goude\u0301')).toBe('Ble\u0301 Goude\u0301');
  });

  it('lets a stem take any ending', () => {
    const p = phrase([word('путин', { stem: true })]);
    expect(found([p], 'с Путиным')).toBe('Путиным');
    expect(found([p], 'с путиком')).toBeUndefined();
  });

  it('finds an Arabic name behind attached prefixes', () => {
    const p = phrase([word('بوتين', { stem: true, prefixed: true })]);
    expect(found([p], 'قال وبوتين')).toBe('بوتين');
  });

  it('looks past how most words begin, but not past key words shorter than that', () => {
    // Words are first told apart by their first three units: "Konya" and "Konstanz" begin as
    // "Kony" does, and must still be compared whole; a two-sign Han name is shorter than that.
    expect(found([kony], 'Konya, Konstanz, Joseph Kony')).toBe('Joseph Kony');
    const han = phrase([word('普京', { stem: true, prefixed: true })]);
    expect(found([han], '俄罗斯总统普京抵达')).toBe('普京抵达');
    expect(found([han], '俄罗斯总统抵达')).toBeUndefined();
    const short = phrase([word('xi'), word('jinping')], 0);
    expect(found([short], 'Xi Jinping and Xia')).toBe('Xi Jinping');
  });
});
