import { describe, expect, it } from 'vitest';
import { phraseKeys, tokenize, tokenKey } from './tokens.js';
import { PhraseTrie } from './trie.js';

describe('tokens', () => {
  it('keeps offsets into the original text', () => {
    const text = 'Hello, Poutine’s friend';
    const t = tokenize(text);
    expect(t.map((x) => text.slice(x.start, x.end))).toEqual(['Hello', 'Poutine', 's', 'friend']);
  });

  it('compares without case or accents', () => {
    expect(tokenKey('Putín')).toBe('putin');
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
});
