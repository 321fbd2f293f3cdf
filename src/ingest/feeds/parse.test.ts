import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { FeedError, MAX_FEED_BYTES, parseFeed, parseFeedDate } from './index.js';

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url));

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof FeedError ? e.code : 'not a FeedError';
  }
  return undefined;
}

describe('parseFeed: lenient recovery', () => {
  const feed = parseFeed(fixture('broken.rss'), { url: 'https://news.example/rss' });
  it('keeps complete items of a truncated, entity-damaged document', () => {
    expect(feed.kind).toBe('rss');
    expect(feed.title).toBe('Fish & Chips été &nosuch; AT&T');
    expect(feed.entries.map((e) => e.title)).toEqual(['Visit to Ulaanbaatar', 'Bad date']);
    expect(feed.warnings.some((w) => /truncated/.test(w))).toBe(true);
    expect(feed.warnings.some((w) => /line \d+, column \d+/.test(w))).toBe(true);
  });
  it('says where the dropped entry starts and where the document ends, by line and column', () => {
    const text = fixture('broken.rss').toString('utf8');
    const lines = text.split('\n');
    const cut = lines.findIndex((l) => l.includes('Cut off'));
    const end = `line ${lines.length}, column ${lines.at(-1)!.length + 1}`;
    expect(feed.warnings).toContain(
      `item at line ${cut + 1}, column ${lines[cut]!.indexOf('<item>') + 1} is incomplete (document truncated at ${end}) and was dropped`,
    );
  });
  it('reports the truncation of an Atom feed past many other problems, keeping the entries before', () => {
    const amps = Array.from(
      { length: 30 },
      (_, i) => `<entry><title>A & B ${i}</title><id>${i}</id></entry>`,
    );
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom">\n${amps.join('\n')}\n  <entry><title>cut`;
    const f = parseFeed(atom);
    expect(f.entries).toHaveLength(30);
    expect(f.warnings).toContain(
      'entry at line 32, column 3 is incomplete (document truncated at line 32, column 20) and was dropped',
    );
    expect(
      f.warnings.filter((w) => /document ends inside <title> \(truncated\?\) at line 32, column 20/.test(w)),
    ).toHaveLength(1);
  });
  it('resolves links, normalises dates to UTC and decodes summaries to text', () => {
    expect(feed.entries[0]).toMatchObject({
      link: 'https://news.example/2024/09/03/visit',
      published: '2024-09-03T02:00:00Z',
      summary: 'Putin & aides',
    });
  });
  it('turns an unreadable date into null and a warning', () => {
    expect(feed.entries[1]!.published).toBeNull();
    expect(feed.warnings).toContain('entry 1 published: unreadable date "someday soon"');
  });
});

describe('parseFeed: formats', () => {
  it('reads Atom with xml:base and xhtml titles', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://icc.example/news/"><title>ICC</title>
      <entry xml:base="2024/"><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">A <em>warrant</em></div></title>
      <link rel="alternate" type="text/html" href="warrant.html"/><id>urn:1</id><updated>2024-11-21T12:00:00+01:00</updated>
      <author><name>Press</name></author></entry></feed>`;
    const f = parseFeed(atom);
    expect(f.kind).toBe('atom');
    expect(f.entries[0]).toMatchObject({
      title: 'A warrant',
      link: 'https://icc.example/news/2024/warrant.html',
      updated: '2024-11-21T11:00:00Z',
      author: 'Press',
    });
  });
  it('reads RSS 1.0 (RDF) with Dublin Core dates', () => {
    const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
      xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>R</title></channel>
      <item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link><dc:date>2024-09-02</dc:date></item></rdf:RDF>`;
    expect(parseFeed(rdf)).toMatchObject({
      kind: 'rdf',
      entries: [{ title: 'One', published: '2024-09-02T00:00:00Z' }],
    });
  });
  it('reads JSON Feed 1.1', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'J',
      items: [
        { id: 7, url: '/a', title: 'T', content_html: '<p>x</p>', date_published: '2024-01-01T00:00:00Z' },
      ],
      feed_url: 'https://j.example/feed.json',
    });
    expect(parseFeed(json).entries[0]).toMatchObject({ id: '7', link: 'https://j.example/a', summary: 'x' });
  });
  it('decodes bytes in the declared legacy encoding', () => {
    const xml =
      '<?xml version="1.0" encoding="windows-1251"?><rss><channel><title>Путин</title></channel></rss>';
    expect(parseFeed(iconv.encode(xml, 'windows-1251')).title).toBe('Путин');
  });
  it('reads a Latin-1 label as browsers and the page fetcher do: windows-1252, curly quotes kept', () => {
    const xml =
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>“Visit” – Rome</title></channel></rss>';
    const bytes = iconv.encode(xml, 'windows-1252');
    expect(parseFeed(bytes).title).toBe('“Visit” – Rome');
    expect(parseFeed(bytes, { contentType: 'application/rss+xml; charset=iso-8859-1' }).title).toBe(
      '“Visit” – Rome',
    );
  });
  it('names a charset it does not know, and reads the feed as UTF-8', () => {
    const feed = parseFeed(Buffer.from('<rss><channel><title>Visit</title></channel></rss>'), {
      contentType: 'application/rss+xml; charset=x-klingon',
    });
    expect(feed.title).toBe('Visit');
    expect(feed.warnings).toContain('unknown charset "x-klingon", read as UTF-8');
  });
});

describe('parseFeed: refusals', () => {
  it.each([
    ['', 'empty'],
    ['   \n', 'empty'],
    ['<!DOCTYPE html><html><body>Moved</body></html>', 'html_not_feed'],
    ['<head><title>Document Moved</title></head>', 'html_not_feed'],
    ['just words', 'not_a_feed'],
    ['<opml><body/></opml>', 'not_a_feed'],
    ['{"version": 1', 'malformed'],
  ])('%j → %s', (body, expected) => expect(code(() => parseFeed(body))).toBe(expected));

  it('refuses gzip bytes and oversized bodies', () => {
    expect(code(() => parseFeed(new Uint8Array([0x1f, 0x8b, 8, 0])))).toBe('not_a_feed');
    expect(code(() => parseFeed(new Uint8Array(MAX_FEED_BYTES + 1)))).toBe('too_large');
  });

  it('does not expand a billion-laughs entity bomb', () => {
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">${lol}]><rss><channel><title>&l9;</title></channel></rss>`;
    const t0 = Date.now();
    const f = parseFeed(bomb);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect((f.title ?? '').length).toBeLessThan(100);
  });
});

describe('parseFeedDate', () => {
  it.each([
    ['Thu, 01 Jan 2004 19:48:21 GMT', '2004-01-01T19:48:21Z'],
    ['Mon, 26 January 2004 16:31:00 ET', '2004-01-26T21:31:00Z'],
    ['Fri,24 Nov 2023 18:28:36 -0000', '2023-11-24T18:28:36Z'],
    ['2003-12-31T10:14:55-08:00', '2003-12-31T18:14:55Z'],
    ['2003-12', '2003-12-01T00:00:00Z'],
    ['Sun Jan  4 16:29:06 2004', '2004-01-04T16:29:06Z'],
    ['Sun, 99 Jun 2009 12:00:00 GMT', null],
    ['2003-12-31T25:14:55Z', null],
  ])('%s → %s', (input, iso) => expect(parseFeedDate(input)).toBe(iso));
});
