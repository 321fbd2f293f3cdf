import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alertFeeds, FEED_ENTRIES, type Alert, type RaisedAlert } from '../alerts/index.js';
import { parseFeed } from '../ingest/feeds/index.js';
import { loadRegistry } from '../registry/index.js';
import { openStore } from '../store/index.js';
import { writeFeeds } from './feeds.js';

const alert = (
  n: number,
  subjectId: string,
  countryIso2: string,
  kind: Alert['kind'] = 'upcoming_visit',
): RaisedAlert => ({
  id: `trip-${n}:${kind}`,
  kind,
  tripId: `trip-${n}`,
  subjectId,
  countryIso2,
  evidence: { articleId: `a${n}`, published: '2026-09-01' },
  duty: { kind: 'binding', basis: [], date: '2026-09-05' as Alert['duty']['date'] },
  createdAt: new Date(Date.UTC(2026, 8, 1, 0, n)).toISOString(),
  articleId: `a${n}`,
});

const names = {
  subject: (id: string) => (id === 'x' ? 'Tom & <Jerry>' : 'Vladimir Putin'),
  country: (iso2: string) => (iso2 === 'MN' ? 'Mongolia' : 'Brazil'),
};

describe('alert feeds', () => {
  const docs = alertFeeds(
    [alert(1, 'putin-vladimir', 'MN'), alert(2, 'putin-vladimir', 'BR', 'cancelled'), alert(3, 'x', 'MN')],
    names,
    'https://ww.example/',
  );

  it('makes one document for every alert, one per person and one per state', () => {
    expect(docs.map((d) => d.path)).toEqual([
      'alerts',
      'alerts/subject/putin-vladimir',
      'alerts/subject/x',
      'alerts/country/BR',
      'alerts/country/MN',
    ]);
  });

  it('writes Atom a feed reader reads back, newest first, with names escaped', () => {
    const atom = parseFeed(docs[0]!.atom);
    expect(atom.entries.map((e) => [e.id, e.title])).toEqual([
      ['trip-3:upcoming_visit', 'Tom & <Jerry> to visit Mongolia'],
      ['trip-2:cancelled', 'Vladimir Putin will not come to Brazil (cancelled, or by video)'],
      ['trip-1:upcoming_visit', 'Vladimir Putin to visit Mongolia'],
    ]);
    expect(atom.entries[0]!.link).toBe('https://ww.example/trips/trip-3');
    expect(docs[0]!.atom).toContain('Tom &amp; &lt;Jerry&gt;');
    const json = JSON.parse(docs[4]!.json) as { version: string; items: { id: string; title: string }[] };
    expect(json.items[0]!.title).toBe('Tom & <Jerry> to visit Mongolia'); // plain text there
    expect(json.version).toBe('https://jsonfeed.org/version/1');
    expect(json.items.map((i) => i.id)).toEqual(['trip-3:upcoming_visit', 'trip-1:upcoming_visit']);
  });

  it('links each document to where the web serves it and to the page it is the alerts of', () => {
    const person = JSON.parse(docs[1]!.json) as { home_page_url: string; feed_url: string };
    expect([person.home_page_url, person.feed_url]).toEqual([
      'https://ww.example/people/putin-vladimir',
      'https://ww.example/feeds/alerts/subject/putin-vladimir.json',
    ]);
    expect(docs[0]!.atom).toContain('href="https://ww.example/feeds/alerts.atom"');
    expect(JSON.parse(docs[3]!.json).home_page_url).toBe('https://ww.example/countries/BR');
  });

  it('keeps the newest entries only', () => {
    const many = Array.from({ length: FEED_ENTRIES + 10 }, (_, i) => alert(i, 'putin-vladimir', 'MN'));
    const [all] = alertFeeds(many, names, 'https://ww.example');
    expect(parseFeed(all!.atom).entries).toHaveLength(FEED_ENTRIES);
  });

  it('writes the documents of the stored alerts under a folder', async () => {
    const store = await openStore({ url: 'sqlite::memory:', migrate: true });
    await store.raiseAlerts({ alerts: [alert(1, 'putin-vladimir', 'MN')] });
    const dir = mkdtempSync(join(tmpdir(), 'ww-feeds-'));
    expect(await writeFeeds({ store, reg: loadRegistry() }, dir, 'https://ww.example')).toBe(3);
    const atom = readFileSync(join(dir, 'alerts', 'country', 'MN.atom'), 'utf8');
    expect(parseFeed(atom).entries.map((e) => e.title)).toEqual(['Vladimir Putin to visit Mongolia']);
    await store.close();
  });
});
