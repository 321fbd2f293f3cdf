import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES, readArticleFile } from './read-files.js';

const dir = mkdtempSync(join(tmpdir(), 'ww-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const JA = 'プーチン大統領はモンゴルを訪問し、国際刑事裁判所の逮捕状にもかかわらず逮捕されなかった。';
const RU = 'Владимир Путин прибыл в Улан-Батор с официальным визитом, несмотря на ордер МУС.';
const page = (head: string, text: string) =>
  `<!doctype html><html>${head}<title>T</title><body><article><h1>T</h1><p>${text}</p><p>${text}</p></article></body></html>`;
const textOf = (path: string) => {
  const r = readArticleFile(path);
  if (r.kind !== 'ok') throw new Error(`not read: ${JSON.stringify(r)}`);
  return r.drafts[0]!.text;
};

describe('readArticleFile: encodings', () => {
  it('decodes a Shift-JIS page by its meta charset', () => {
    const path = file('ja.html', iconv.encode(page('<meta charset="Shift_JIS">', JA), 'shift_jis'));
    expect(textOf(path)).toContain(JA);
  });

  it('decodes a windows-1251 page by its XML declaration, and a UTF-16 one by its BOM', () => {
    const xml = `<?xml version="1.0" encoding="windows-1251"?>${page('', RU)}`;
    expect(textOf(file('ru.html', iconv.encode(xml, 'windows-1251')))).toContain(RU);
    const bom = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(page('', RU), 'utf16le')]);
    expect(textOf(file('ru16.html', bom))).toContain(RU);
  });

  it('reads undeclared bytes that are not UTF-8 as windows-1252, not as replacement characters', () => {
    const fr = 'Poutine est arrivé à Oulan-Bator — « sans être arrêté ».';
    expect(textOf(file('fr.txt', iconv.encode(`Titre\n${fr}`, 'windows-1252')))).toBe(fr);
  });
});

describe('readArticleFile: binary content', () => {
  it('refuses a PNG named .html and random bytes named .txt, naming the file', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);
    expect(readArticleFile(file('photo.html', png))).toMatchObject({
      kind: 'failed',
      reason: 'photo.html holds binary content (PNG image), not text',
    });
    const noise = Uint8Array.from({ length: 2048 }, (_, i) => (i * 2654435761) >>> 23);
    expect(readArticleFile(file('noise.txt', noise))).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(/^noise\.txt holds binary content \(/),
    });
    expect(readArticleFile(file('doc.txt', '%PDF-1.7\n1 0 obj'))).toMatchObject({
      reason: 'doc.txt holds binary content (PDF document), not text',
    });
  });
});

describe('readArticleFile: size', () => {
  it('reads a text file over the byte cap up to the cap, with a note', () => {
    const big = `Title\n${'word '.repeat(MAX_DOCUMENT_BYTES / 5 + 1000)}`;
    const r = readArticleFile(file('big.txt', big));
    expect(r).toMatchObject({
      kind: 'ok',
      notes: [
        `file is ${big.length} bytes; only its first ${MAX_DOCUMENT_BYTES} were read (the cap on a page)`,
      ],
    });
    if (r.kind === 'ok') expect(r.drafts[0]!.text.length).toBeLessThan(MAX_DOCUMENT_BYTES);
  });
});

describe('readArticleFile: feeds', () => {
  it('hands back the bytes of .rss, .atom and .xml files for the feed pipeline', () => {
    const rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>';
    for (const name of ['a.rss', 'a.atom', 'a.xml'])
      expect(readArticleFile(file(name, rss))).toMatchObject({
        kind: 'feed',
        url: expect.stringMatching(/^file:\/\//),
      });
  });
});
