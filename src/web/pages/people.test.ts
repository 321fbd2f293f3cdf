import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/index.js';
import { mergeTrips } from '../../events/index.js';
import { claim } from '../../testing/claims.js';
import { testSite, type TestSite } from '../../testing/web.js';
import { fillRecord, HOSTILE } from './fixture.js';

let site: TestSite;
beforeAll(async () => {
  site = await testSite({}, async (store) => {
    await fillRecord(store, loadRegistry());
  });
});
afterAll(() => site.close());

describe('the people pages', () => {
  it('lists every person with a warrant, with its status today', async () => {
    const r = await site.app.inject('/people');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<td><a href="/people/putin-vladimir">Vladimir Putin</a></td>');
    expect(r.body).toMatch(
      /href="\/people\/al-bashir-omar">Omar al-Bashir<\/a><\/td><td>.*?<\/td><td>at large<\/td>/,
    );
    expect(r.body).toContain('aria-current="page">Wanted persons');
  });

  it('shows a person’s warrant with its charges and status history', async () => {
    const r = await site.app.inject('/people/putin-vladimir');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<h1>Vladimir Putin</h1>');
    expect(r.body).toContain('Путин');
    expect(r.body).toMatch(/<strong>Charges:<\/strong> [^<]*children/i);
    expect(r.body).toMatch(/<ol class="history">\s*<li>17 March 2023[^<]*: at large/);
  });

  it('lists every known trip by date, with the host’s duty and the outcome, escaping the news', async () => {
    const r = await site.app.inject('/people/putin-vladimir');
    const trips = r.body.slice(
      r.body.indexOf('<h2 id="trips">Trips</h2>'),
      r.body.indexOf('<h2>States that hosted'),
    );
    const days = [...trips.matchAll(/<a href="\/trips\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(days[0]).toBe('14 December 2026');
    expect(days).toContain('2–3 September 2024');
    expect(trips).not.toContain(HOSTILE);
    expect(trips).toContain('Ulaanbaatar &lt;script&gt;');
  });

  it('names the states that hosted him without arresting him, and the Court’s findings', async () => {
    const r = await site.app.inject('/people/putin-vladimir');
    const hosts = r.body.slice(
      r.body.indexOf('<h2>States that hosted'),
      r.body.indexOf("<h2>The Court's findings"),
    );
    expect(hosts).toContain(
      '<a href="/countries/MN">Mongolia</a>, <a href="/trips/PUT-2024-09-02-MN">2 September 2024</a>: bound to arrest, did not',
    );
    // Hosts with no binding duty (China) did not fail one.
    expect(hosts).not.toContain('China');
    expect(r.body).toContain(
      '<strong>Non-compliance found</strong>, <a href="/countries/MN">Mongolia</a>, 24 October 2024',
    );
  });

  it('maps the states bound to arrest him today, and lists them as text', async () => {
    const r = await site.app.inject('/people/putin-vladimir');
    const map = r.body.slice(r.body.indexOf('id="map"'));
    expect(map).toContain('Where Vladimir Putin must be arrested on 4 December 2026');
    expect(map).toContain('<a href="/countries/MN" aria-label="Mongolia: must arrest">');
    expect(map).toMatch(/The \d+ states, as a list/);
    expect(map).toContain('<a href="/countries/MN">Mongolia</a>');
    expect(map).not.toContain('<a href="/countries/RU">');
  });

  it('answers an unknown person with a 404 page', async () => {
    const r = await site.app.inject('/people/nobody-%3Cx%3E');
    expect(r.statusCode).toBe(404);
    expect(r.body).toContain('No person in the registry has the id “nobody-&lt;x&gt;”.');
  });
});

describe('the person page of a frequent traveller', () => {
  let busy: TestSite;
  beforeAll(async () => {
    busy = await testSite({}, async (store) => {
      // 130 completed trips, a month apart, each told by one article.
      const claims = Array.from({ length: 130 }, (_, i) => {
        const start = new Date(Date.UTC(2014, i, 10)).toISOString().slice(0, 10);
        return claim(`t${i}`, start, 'completed', { start, end: start });
      });
      await store.replaceTrips({ subjectId: 'putin-vladimir', trips: mergeTrips(claims) });
    });
  });
  afterAll(() => busy.close());

  it('lists his 100 latest trips, and links to all of them and to their CSV', async () => {
    const count = (body: string) => (body.match(/<tr>\s*<td data-label="Days">/g) ?? []).length;
    const page = await busy.app.inject('/people/putin-vladimir');
    expect(count(page.body)).toBe(100);
    expect(page.body).toContain('The 100 latest of his 130 trips in the record');
    expect(page.body).toContain('href="/people/putin-vladimir?trips=all#trips"');
    expect(page.body).toContain('href="/api/v1/trips.csv?subject=putin-vladimir"');
    const all = await busy.app.inject('/people/putin-vladimir?trips=all');
    expect(count(all.body)).toBe(130);
    expect(all.body).not.toContain('latest of his');
  });
});
