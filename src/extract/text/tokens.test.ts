import { describe, expect, it } from 'vitest';
import { phraseKeys, tokenize, tokenKey } from './tokens.js';
import { PhraseTrie } from './trie.js';
import { LETTER_VARIANTS } from './fold.js';
import { CYRILLIC, INDIC, UNSPACED } from './scripts.js';

/** tokenKey's rule applied to the whole word, as it was written before keys were read per unit. */
function ruleKey(word: string): string {
  if (UNSPACED.test(word)) return word;
  if (INDIC.test(word)) return word.normalize('NFC');
  const plain = word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  if (CYRILLIC.test(plain)) {
    const end = ['ами', 'ями', 'ого', 'ому', 'ими', 'ыми', 'ией', 'ым', 'им', 'ом', 'ем', 'ой', 'ей', 'ам']
      .concat([
        'ям',
        'ах',
        'ях',
        'ию',
        'ия',
        'ії',
        'ію',
        'ія',
        'а',
        'я',
        'у',
        'ю',
        'е',
        'ы',
        'и',
        'і',
        'о',
        'ь',
        'й',
      ])
      .find((e) => plain.length - e.length >= 4 && plain.endsWith(e));
    return end ? plain.slice(0, -end.length) : plain;
  }
  return [...plain]
    .map((ch) => String.fromCharCode(LETTER_VARIANTS.get(ch.charCodeAt(0)) ?? ch.charCodeAt(0)))
    .join('');
}

describe('tokens', () => {
  it('keeps offsets into the original text', () => {
    const text = 'Hello, Poutine’s friend';
    const t = tokenize(text);
    expect(t.map((x) => text.slice(x.start, x.end))).toEqual(['Hello', 'Poutine', 's', 'friend']);
  });

  it('finds the words of /[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*/u, whatever the script', () => {
    const text = 'a\uD800b \uDC00c x\u0301y \u0301z ①② İstanbul नेतन्याहू 🇷🇺Путин 𝐏𝐮𝐭𝐢𝐧';
    const expected = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu)].map((m) => [m.index, m[0]]);
    expect(tokenize(text).map((t) => [t.start, t.raw])).toEqual(expected);
  });

  it('makes each sign of a script without spaces a word, with its marks', () => {
    const words = (text: string) => tokenize(text).map((t) => t.raw);
    expect(words('普京抵达北京')).toEqual(['普', '京', '抵', '达', '北', '京']);
    expect(words('G20峰会 𠀀𠀁')).toEqual(['G20', '峰', '会', '𠀀', '𠀁']);
    expect(words('プーチン氏')).toEqual(['プ', 'ー', 'チ', 'ン', '氏']);
    expect(words('ปูติน')).toEqual(['ปู', 'ติ', 'น']);
    // Voicing marks and Thai vowels tell signs apart, so keys keep them.
    expect(tokenKey('ガ')).not.toBe(tokenKey('カ'));
    expect(tokenize('ガ カ').map((t) => t.key)).toEqual(['ガ', 'カ']);
  });

  it('keeps the vowel signs of Indic scripts, which are letters there', () => {
    expect(tokenKey('अगले')).not.toBe(tokenKey('अंगोला')); // "next" is not Angola
    expect(tokenKey('मंगोलिया')).toBe('मंगोलिया');
  });

  it('compares without case or accents', () => {
    expect(tokenKey('Putín')).toBe('putin');
    expect(tokenKey('NETANYAHU')).toBe('netanyahu');
    expect(tokenKey('ΟΔΥΣΣΕΑΣ')).toBe('οδυσσεας'); // the final sigma, lower-cased in context
  });

  it('keys every character, alone and among others, as the rule does for the whole word', () => {
    const differ: string[] = [];
    for (let c = 0; c < 65536; c++) {
      const ch = String.fromCharCode(c);
      for (const w of [ch, `A${ch}`, `${ch}b`, `Д${ch}ом`, `Σ${ch}`, `${ch}Σ`, `ب${ch}`, `e\u0301${ch}`])
        if (tokenKey(w) !== ruleKey(w)) differ.push(w);
    }
    expect(differ).toEqual([]);
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

describe('PhraseTrie inserts', () => {
  const trie = new PhraseTrie<string>(new Set(['also', 'already']));
  trie.add(['has', 'arrived'], 'arrive');
  trie.add(['also'], 'word');

  it('matches a phrase with an insert inside it, over the insert', () => {
    expect(trie.matchAt(tokenize('has also arrived'), 0)).toEqual({ from: 0, to: 3, values: ['arrive'] });
    expect(trie.matchAt(tokenize('has already also arrived'), 0)?.to).toBe(4);
  });

  it('never starts or ends a match on an insert, and a phrase word goes before it', () => {
    expect(trie.matchAt(tokenize('has also'), 0)).toBeUndefined();
    expect(trie.matchAt(tokenize('also arrived'), 0)?.values).toEqual(['word']);
  });
});
