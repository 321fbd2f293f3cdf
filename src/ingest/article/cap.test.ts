import { describe, expect, it } from 'vitest';
import { capText, MAX_ARTICLE_CHARS } from './cap.js';

describe('capText', () => {
  it('keeps a text within the cap as it is', () => {
    expect(capText('Putin arrived.', 100)).toEqual({ text: 'Putin arrived.' });
  });

  it('cuts a longer text at a word boundary under the cap and says how long it was', () => {
    const text = 'Putin arrived in Ulaanbaatar. '.repeat(10_000);
    const r = capText(text);
    expect(r.cutFrom).toBe(text.length);
    expect(r.text.length).toBeLessThanOrEqual(MAX_ARTICLE_CHARS);
    expect(r.text.length).toBeGreaterThan(MAX_ARTICLE_CHARS - 50);
    expect(text.startsWith(r.text)).toBe(true);
    expect(text[r.text.length]).toMatch(/\s/);
  });

  it('cuts a text without spaces at the cap, never inside a surrogate pair', () => {
    const r = capText('a' + '𠀋'.repeat(100), 50);
    expect(r.text).toBe('a' + '𠀋'.repeat(24));
  });
});
