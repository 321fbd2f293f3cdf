import { describe, expect, it } from 'vitest';
import { phraseKeys, tokenize, tokenKey } from './tokens.js';
import { PhraseTrie } from './trie.js';

describe('tokens', () => {
  it('keeps offsets into the original text', () => {
    const text = 'Hello, Poutine’s friend';
    const t = tokenize(text);
    expect(t.map((x) => text.slice(x.start, x.end))).toEqual(['Hello', 'Poutine', 's', 'friend']);
  });

  it('finds the words of /[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*/u, whatever the script', () => {
    const text = 'a\uD800b \uDC00c 𠀀𠀁 x\u0301y \u0301z ①② İstanbul नेतन्याहू 日本語 🇷🇺Путин 𝐏𝐮𝐭𝐢𝐧';
    const expected = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu)].map((m) => [m.index, m[0]]);
    expect(tokenize(text).map((t) => [t.start, t.raw])).toEqual(expected);
  });

  it('compares without case or accents', () => {
    expect(tokenKey('Putín')).toBe('putin');
    expect(tokenKey('NETANYAHU')).toBe('netanyahu');
    expect(tokenKey('ΟΔΥΣΣΕΑΣ')).toBe('οδυσσεας'); // the final sigma, lower-cased in context
  });

  it('cuts Russian case endings on both sides', () => {
    expect(tokenKey('Путиным')).toBe(tokenKey('Путин'));
    expect(tokenKey('Путина')).toBe(tokenKey('Путин'));
    expect(tokenKey('Монголию')).toBe(tokenKey('Монголия'));
  });
});

describe('PhraseTrie', () => {
  const trie = new PhraseTrie<string>();
  trie.add(phraseKeys('will not attend'), 'cancel');
  trie.add(phraseKeys('will'), 'future');
  trie.add(['visit*'], 'travel');

  it('prefers the longest phrase at a position', () => {
    const m = trie.findAll(tokenize('He will not attend'));
    expect(m.map((x) => x.values[0])).toEqual(['cancel']);
  });

  it('matches word prefixes marked with a star', () => {
    expect(trie.findAll(tokenize('after visiting Hanoi'))[0]?.values).toEqual(['travel']);
  });

  it('finds overlapping phrases with findEvery', () => {
    const kinds = trie.findEvery(tokenize('He will not attend')).flatMap((m) => m.values);
    expect(kinds).toEqual(['cancel']);
    expect(trie.findEvery(tokenize('will visit')).flatMap((m) => m.values)).toEqual(['future', 'travel']);
  });

  it('falls back to the longest phrase whose values are accepted', () => {
    const m = trie.findAll(tokenize('He will not attend'), (v) => v !== 'cancel');
    expect(m.map((x) => [x.from, x.to, x.values])).toEqual([[1, 2, ['future']]]);
  });
});

describe('PhraseTrie values', () => {
  it('gives every phrase of the longest length, prefixes first, in the order added', () => {
    const trie = new PhraseTrie<string>();
    trie.add(['visit*'], 'a');
    trie.add(['visiting'], 'b');
    trie.add(['vis*'], 'c');
    trie.add(['travel*'], 'd');
    expect(trie.matchAt(tokenize('visiting'), 0)?.values).toEqual(['a', 'c', 'b']);
    expect(trie.matchAt(tokenize('travels'), 0)?.values).toEqual(['d']);
    expect(trie.matchAt(tokenize('avisit'), 0)).toBeUndefined();
  });
});
