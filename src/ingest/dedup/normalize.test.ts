import { describe, expect, it } from 'vitest';
import { contentHash, normalizeText, words } from './normalize.js';

describe('normalizeText', () => {
  it('folds case, punctuation, quotes and whitespace', () => {
    expect(normalizeText('  Putin  ARRIVED — in “Mongolia”.\n\nNext… ')).toBe(
      'putin arrived in mongolia next',
    );
  });

  it('folds compatibility forms (NFKC) and keeps letters of every script', () => {
    expect(normalizeText('ＩＣＣ ﬁnds')).toBe('icc finds');
    expect(normalizeText('Путин, «Монголия»!')).toBe('путин монголия');
    expect(normalizeText('بوتين، منغوليا.')).toBe('بوتين منغوليا');
  });
});

describe('words', () => {
  it('splits scripts without spaces into dictionary words', () => {
    // The exact cut depends on ICU's dictionary; what matters is several words, none lost.
    const w = words('普京抵达乌兰巴托。');
    expect(w.length).toBeGreaterThan(2);
    expect(w.join('')).toBe('普京抵达乌兰巴托');
  });

  it('splits spaced scripts on spaces', () => {
    expect(words('Путин прибыл в Улан-Батор')).toEqual(['путин', 'прибыл', 'в', 'улан', 'батор']);
  });
});

describe('contentHash', () => {
  it('is the SHA-256 of the normalised text', () => {
    expect(contentHash('Hello, world!')).toBe(contentHash('hello world'));
    expect(contentHash('hello world')).toBe(
      'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9',
    );
  });

  it('differs when a word differs', () => {
    expect(contentHash('Putin arrived')).not.toBe(contentHash('Putin departed'));
  });
});
