import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { contentHash, normalizeText, SEGMENT_CHUNK, words } from './normalize.js';

const testdata = new URL('./testdata/', import.meta.url);
/** The definition words() keeps: ICU's word-like segments of the whole normalised text. */
const icuWords = (text: string) =>
  [...new Intl.Segmenter(undefined, { granularity: 'word' }).segment(normalizeText(text))]
    .filter((s) => s.isWordLike)
    .map((s) => s.segment);

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

  it('gives the words ICU finds in the whole text, on every test article', () => {
    const names = readdirSync(testdata).filter((n) => n.endsWith('.txt'));
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      const text = readFileSync(new URL(name, testdata), 'utf8');
      expect(words(text), name).toEqual(icuWords(text));
    }
    const mixed = 'ICC: 普京抵达乌兰巴托 (Reuters) — Путин 2024 года; 𠀋𠀋 ไทย';
    expect(words(mixed)).toEqual(icuWords(mixed));
  });

  it('never hands the segmenter a long piece, so a huge body costs linear time', () => {
    const spy = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    try {
      const spaced = 'Putin arrived in Ulaanbaatar. '.repeat(5_000);
      const unspaced = '普京抵达乌兰巴托𠀋'.repeat(2_000);
      expect(words(spaced)).toHaveLength(20_000);
      expect(words(unspaced).join('')).toBe(normalizeText(unspaced));
      const longest = Math.max(0, ...spy.mock.calls.map(([s]) => s.length));
      expect(longest).toBeLessThanOrEqual(SEGMENT_CHUNK);
    } finally {
      spy.mockRestore();
    }
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
