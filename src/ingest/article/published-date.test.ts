import { describe, expect, it } from 'vitest';
import { parseDocument } from './document.js';
import { readJsonLd } from './jsonld.js';
import { readMeta } from './meta.js';
import { publishedDate } from './published-date.js';

function dateOf(html: string, url?: string, reference?: string): string | null {
  const doc = parseDocument(html);
  return publishedDate({ doc, meta: readMeta(doc), jsonLd: readJsonLd(doc), url, reference });
}
const ld = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;
const page = (head: string, body = '') => `<html><head>${head}</head><body>${body}</body></html>`;

describe('publishedDate', () => {
  it('reads JSON-LD datePublished, also inside @graph and arrays, and prefers it to dateModified', () => {
    const article = {
      '@type': 'NewsArticle',
      datePublished: '2024-09-02T18:00:00+08:00',
      dateModified: '2024-09-04',
    };
    expect(dateOf(page(ld(article)))).toBe('2024-09-02T18:00:00+08:00');
    expect(dateOf(page(ld({ '@graph': [{ '@type': 'WebSite' }, article] })))).toBe(
      '2024-09-02T18:00:00+08:00',
    );
    expect(dateOf(page(ld([{ '@type': 'Organization' }, article])))).toBe('2024-09-02T18:00:00+08:00');
  });

  it('survives broken JSON-LD and falls back to Open Graph', () => {
    const head =
      '<script type="application/ld+json">{ "datePublished": </script>' +
      '<meta property="article:modified_time" content="2024-09-05"><meta property="article:published_time" content="2024-09-03">';
    expect(dateOf(page(head))).toBe('2024-09-03');
  });

  it('reads the dates of a JSON-LD block that does not parse, and inside a mainEntityOfPage left open', () => {
    const broken =
      '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "A "quoted" word", "datePublished": "2020-10-26T18:10:00+01:00"}</script>';
    expect(dateOf(page(broken))).toBe('2020-10-26T18:10:00+01:00');
    const nested = {
      '@type': 'NewsArticle',
      mainEntityOfPage: { '@type': 'WebPage', datePublished: '2020-10-26' },
    };
    expect(dateOf(page(ld(nested)))).toBe('2020-10-26');
  });

  it.each([
    ['<meta name="pubdate" content="20240903">', '2024-09-03'],
    ['<meta name="parsely-pub-date" content="2024-09-03T08:00:00Z">', '2024-09-03T08:00:00Z'],
    ['<meta name="sailthru.date" content="2024-09-03 08:00:00">', '2024-09-03'],
    ['<meta name="DC.date.issued" content="2024-09-03">', '2024-09-03'],
    ['<meta itemprop="datePublished" content="2024-09-03">', '2024-09-03'],
  ])('reads other meta tags: %s', (head, want) => expect(dateOf(page(head))).toBe(want));

  it('reads <time> elements but skips one marked as an update', () => {
    const body =
      '<p class="last-updated"><time datetime="2024-09-05">5 Sep</time></p><time datetime="2024-09-03">3 Sep</time>';
    expect(dateOf(page('', body))).toBe('2024-09-03');
  });

  it('reads the URL when the markup has nothing', () => {
    expect(dateOf(page(''), 'https://news.example/2024/09/03/putin-mongolia/')).toBe('2024-09-03');
    expect(dateOf(page(''), 'https://news.example/story_20240903.html')).toBe('2024-09-03');
    expect(dateOf(page(''), 'https://news.example/meldungen/03-09-2024')).toBe('2024-09-03');
    // The canonical address counts too, when the page was read from another one.
    const canonical = '<link rel="canonical" href="https://other.example/world/putin-visit-20240903">';
    expect(dateOf(page(canonical), 'https://news.example/story/123')).toBe('2024-09-03');
  });

  it('reads a labelled date in the text near the headline', () => {
    const body =
      '<header>Today: 1 January 2026</header><div><div><h1>Visit</h1><p>Veröffentlicht am 3. September 2024</p></div></div>';
    expect(dateOf(page('', body))).toBe('2024-09-03');
  });

  it('reads the date by the headline, not the logo <h1> or the masthead date', () => {
    const body =
      '<h1 class="logo">Daily Planet</h1><div class="today">Friday, 1 January 2027</div>' +
      '<main><h1>Mayor visits the harbour</h1><p class="byline">By Jane Roe, 3. September 2024</p><p>Text.</p></main>';
    const head = '<title>Mayor visits the harbour | Daily Planet</title>';
    expect(dateOf(page(head, body), undefined, '2027-06-01')).toBe('2024-09-03');
  });

  it('prefers a date line by the headline to dates further down, in asides or labelled as revisions', () => {
    const body =
      '<article><h1>Mayor visits the harbour</h1><div class="meta">Aktualisiert am 05.09.2024</div>' +
      '<div class="meta">Veröffentlicht 03.09.2024</div><p>The visit of 1 August 2024 was cancelled.</p></article>' +
      '<aside><time datetime="2024-09-06">6 Sep</time></aside>';
    expect(dateOf(page('', body))).toBe('2024-09-03');
    const onlyRevision = '<h1>Terms of service</h1><p>Date of last revision: August 9, 2017</p>';
    expect(dateOf(page('', onlyRevision))).toBe('2017-08-09');
  });

  it('reads data-* timestamps and the itemprop of a React page (itemProp, dateTime)', () => {
    expect(dateOf(page('', '<div class="share" data-timestamp="1725321600"></div>'))).toBe(
      '2024-09-03T00:00:00Z',
    );
    expect(dateOf(page('', '<time itemProp="datePublished" dateTime="2024-09-03">3 Sep</time>'))).toBe(
      '2024-09-03',
    );
  });

  it('gives a UTC timestamp the local day the page shows, when a zone within ten hours reaches it', () => {
    const head = '<meta property="article:published_time" content="2023-11-09T06:35:29+00:00">';
    const shown = (text: string) => page(head, `<h1>Arrest made in Tarzana</h1><p class="date">${text}</p>`);
    expect(dateOf(shown('Posted: Nov 8, 2023 / 10:35 PM PST'))).toBe('2023-11-08');
    // 06:35Z cannot be 10 November anywhere within ten hours of UTC: the timestamp stands.
    expect(dateOf(shown('Nov 10, 2023'))).toBe('2023-11-09T06:35:29+00:00');
    // A URL of the day before, with nothing shown, is the newsroom's day too.
    expect(dateOf(page(head), 'https://news.example/2023/11/08/arrest/')).toBe('2023-11-08');
  });

  it('trusts a date the byline labels as the publication over a <time> that does not say what it dates', () => {
    const body =
      '<h1>Grenades and policing</h1><time datetime="2019-07-03T10:18:46Z">Publié le 29 juin 2019</time>';
    expect(dateOf(page('', body))).toBe('2019-06-29');
  });

  it("skips a member's registration date and the forum's clock, and words that only end in a label", () => {
    const forum =
      '<h1>Was ist freie Software?</h1><p>Aktuelle Zeit: 14.10.2020</p><p>r23 Registriert: 18.09.2008</p>' +
      '<p>Beitrag von r23 » 21.01.2009, 05:42</p>';
    expect(dateOf(page('', forum))).toBe('2009-01-21');
    const review =
      '<h1>Love is War</h1><p>Erscheinungsdatum: 14.08.2017</p><p class="date-header">9. September 2017</p>';
    expect(dateOf(page('', review))).toBe('2017-09-09');
  });

  it('finds the headline in an <h2> or <h3> that the title names, ahead of teasers repeating it', () => {
    const body =
      '<div class="box"><h3>Lindvik wins in Willingen</h3><span>01.02.2022</span></div>' +
      '<h2>Lindvik wins in Willingen</h2><p>Erstellt am: 30.01.2022 18:36</p>';
    expect(dateOf(page('<title>Lindvik wins in Willingen</title>', body))).toBe('2022-01-30');
  });

  it('trusts the byline, marked or labelled as the publication, over generic meta names', () => {
    const head = '<meta name="date" content="2022-01-26T14:32:06+02:00">';
    const body =
      '<h1>Test: a new ski boot</h1><p><time datetime="2022-01-21" itemprop="datePublished">21.01.2022</time></p>';
    expect(dateOf(page(head, body))).toBe('2022-01-21');
    // JSON-LD and Open Graph are still first.
    const og = '<meta property="article:published_time" content="2022-01-20">';
    expect(dateOf(page(og + head, body))).toBe('2022-01-20');
  });

  it('finds the headline by the words it shares with the title, past a logo that shares only the name', () => {
    const head =
      '<title>Die Zukunft der Arbeit – „Wir dekorieren die Liegestühle um“ | Deutschlandfunk</title>';
    const body =
      '<h1>Deutschlandfunk</h1><div class="date">Mittwoch, 26.02.2020</div><nav>Politik Kultur</nav>' +
      '<h2>"Wir dekorieren die Liegestühle um"</h2><p class="date">01.05.2017</p>';
    expect(dateOf(page(head, body))).toBe('2017-05-01');
  });

  it('skips a date that the headline and the title both write: it is what the story is about', () => {
    const head = '<title>Results: regional championship, 19.5.2007</title>';
    const body =
      '<h1>Results: regional championship, 19.5.2007</h1><p class="meta">by M. S. | 20. Mai 2007</p>';
    expect(dateOf(page(head, body))).toBe('2007-05-20');
  });

  it('reads 02/11/2023 in the text by the page language, and in tags in the software order', () => {
    const body = (lang: string) =>
      `<html lang="${lang}"><head></head><body><h1>A headline here</h1><p class="date">02/11/2023</p></body></html>`;
    expect(dateOf(body('en-GB'))).toBe('2023-11-02');
    expect(dateOf(body('fr'))).toBe('2023-11-02');
    expect(dateOf(body('en-US'))).toBe('2023-02-11');
    expect(dateOf(body('en'), 'https://www.example.ie/a')).toBe('2023-11-02');
    const meta =
      '<html lang="de"><head><meta name="date" content="11/01/2023 12:43:42"></head><body></body></html>';
    expect(dateOf(meta)).toBe('2023-11-01');
  });

  it('reads the date in the data of a page that scripts draw, when it shows none', () => {
    const html =
      '<html><head><script type="application/json">{"review":{"publishedDate":"2016-11-04T20:37:27Z"}}</script></head>' +
      '<body><div id="app"></div></body></html>';
    expect(dateOf(html)).toBe('2016-11-04T20:37:27Z');
  });

  it('rejects dates after the reference day and keeps looking', () => {
    const head =
      '<meta property="article:published_time" content="2031-01-01"><meta name="date" content="2024-09-03">';
    expect(dateOf(page(head), undefined, '2025-01-01')).toBe('2024-09-03');
  });

  it('returns null when there is no date at all', () => {
    expect(dateOf(page('<title>x</title>', '<p>No dates here.</p>'))).toBeNull();
  });
});
