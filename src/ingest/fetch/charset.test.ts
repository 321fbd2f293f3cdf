import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, charsetFromMarkup, decodeBody, normalizeCharset } from './charset.js';

const RU = 'Путин прибыл в Улан-Батор';
const JA = 'プーチン大統領がモンゴルを訪問';
const enc = (s: string, charset: string) => new Uint8Array(iconv.encode(s, charset));
const ascii = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('normalizeCharset', () => {
  it.each([
    ['UTF-8', 'utf-8'],
    ['utf8', 'utf-8'],
    ['"Windows-1251"', 'windows-1251'],
    ['KOI8-R', 'koi8-r'],
    ['ISO-8859-1', 'windows-1252'], // as browsers read it
    ['x-sjis', 'shift_jis'],
    ['no-such-charset', undefined],
    ['', undefined],
  ])('%s → %s', (label, expected) => expect(normalizeCharset(label)).toBe(expected));
});

describe('charset discovery', () => {
  it('reads the charset parameter of Content-Type, quoted or not', () => {
    expect(charsetFromContentType('text/html; charset="koi8-r"')).toBe('koi8-r');
    expect(charsetFromContentType('text/html;charset=Shift_JIS')).toBe('shift_jis');
    expect(charsetFromContentType('text/html')).toBeUndefined();
  });

  it('finds <meta charset>, <meta http-equiv> and the XML declaration', () => {
    expect(charsetFromMarkup(ascii('<!doctype html><meta charset=windows-1251><p>'))?.charset).toBe(
      'windows-1251',
    );
    const equiv = '<html><head><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=KOI8-R">';
    expect(charsetFromMarkup(ascii(equiv))).toEqual({ charset: 'koi8-r', source: 'meta' });
    const xml = '<?xml version="1.0" encoding="windows-1251"?><rss/>';
    expect(charsetFromMarkup(ascii(xml))).toEqual({ charset: 'windows-1251', source: 'xml' });
    expect(charsetFromMarkup(ascii('<meta charset="utf-16">'))?.charset).toBe('utf-8');
  });
});

describe('decodeBody', () => {
  it('decodes by the header', () => {
    const d = decodeBody(enc(RU, 'windows-1251'), 'text/html; charset=windows-1251');
    expect(d).toMatchObject({ text: RU, charset: 'windows-1251', source: 'header' });
  });

  it('falls back to the meta tag when the header names no charset, or one we do not know', () => {
    const html = (cs: string) => Buffer.concat([ascii(`<meta charset="${cs}">`), enc(RU, cs)]);
    expect(decodeBody(html('koi8-r'), 'text/html')).toMatchObject({ charset: 'koi8-r', source: 'meta' });
    expect(decodeBody(html('koi8-r'), 'text/html').text).toContain(RU);
    expect(decodeBody(html('shift_jis'), 'text/html; charset=bogus').charset).toBe('shift_jis');
  });

  it('prefers a BOM to the header and strips it', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JA)]);
    expect(decodeBody(bytes, 'text/html; charset=windows-1251')).toEqual({
      text: JA,
      charset: 'utf-8',
      source: 'bom',
    });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(RU, 'utf16le')]);
    expect(decodeBody(le, null)).toEqual({ text: RU, charset: 'utf-16le', source: 'bom' });
  });

  it('defaults to UTF-8', () => {
    expect(decodeBody(Buffer.from(RU), null)).toEqual({ text: RU, charset: 'utf-8', source: 'default' });
  });

  it('keeps UTF-8 cut in the middle of its last character (a body stopped at a byte cap)', () => {
    const cut = Buffer.from(RU).subarray(0, Buffer.byteLength(RU) - 1);
    expect(decodeBody(cut, null)).toMatchObject({ charset: 'utf-8', source: 'default' });
  });

  it('guesses windows-1252 for undeclared bytes that are not UTF-8, instead of replacement characters', () => {
    const fr = 'L’arrivée de Poutine à Oulan-Bator — « sans arrestation »';
    expect(decodeBody(enc(fr, 'windows-1252'), 'text/plain')).toEqual({
      text: fr,
      charset: 'windows-1252',
      source: 'guess',
    });
  });
});
