import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/index.js';
import { testSite, type TestSite } from '../../testing/web.js';
import { fillRecord, HOSTILE, type Filled } from './fixture.js';

let site: TestSite;
let filled: Filled;
beforeAll(async () => {
  site = await testSite({}, async (store) => {
    filled = await fillRecord(store, loadRegistry());
  });
});
afterAll(() => site.close());

describe('the home page', () => {
  it('shows the current alert, the planned trip with the host’s duty and basis, and the duty form', async () => {
    const r = await site.app.inject('/');
    expect([r.statusCode, r.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(r.body).toContain(`href="/trips/${filled.planned.id}">Vladimir Putin to visit Mongolia</a>`);
    const trips = r.body.slice(r.body.indexOf('id="trips"'), r.body.indexOf('id="duty"'));
    expect(trips).toContain('14 December 2026');
    expect(trips).toContain('Binding duty to arrest');
    expect(trips).toContain('Rome Statute art. 86');
    // Completed trips of the past are not upcoming.
    expect(trips).not.toContain('2 September 2024');
    expect(r.body).toMatch(/<form class="inline duty" method="get" action="\/duty"/);
  });

  it('escapes what the news said (the city of the trip)', async () => {
    const r = await site.app.inject('/');
    expect(r.body).not.toContain(HOSTILE);
    expect(r.body).toContain('Ulaanbaatar &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('lists the latest changes the news made to the record, with the day each was reported', async () => {
    const r = await site.app.inject('/');
    const changes = r.body.slice(r.body.indexOf('id="changes"'), r.body.indexOf('id="map"'));
    expect(changes).toContain(
      `<a href="/trips/${filled.planned.id}">Vladimir Putin in Mongolia</a>: planned <span class="muted">(reported 1 December 2026)</span>`,
    );
    // The curated trips are history no news has moved: not a change.
    expect(changes.match(/<li>/g)).toHaveLength(1);
  });

  it('keeps the map’s place: a section listing how many states must arrest each person today', async () => {
    const r = await site.app.inject('/');
    const map = r.body.slice(r.body.indexOf('id="map"'));
    expect(map).toMatch(/Vladimir Putin<\/a>: <a href="\/people\/putin-vladimir#map">\d+ states<\/a>/);
  });

  it('maps the person and day asked for, and refuses a person or day that is not one', async () => {
    const r = await site.app.inject('/?map=putin-vladimir&on=2024-09-03');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('Where Vladimir Putin must be arrested on 3 September 2024');
    expect(r.body).toContain('<a href="/countries/MN" aria-label="Mongolia: must arrest">');
    expect(r.body).toMatch(/<option value="putin-vladimir" selected>/);
    const nobody = await site.app.inject('/?map=%3Cscript%3E');
    expect([nobody.statusCode, nobody.body.includes('<script>')]).toEqual([400, false]);
    expect(nobody.body).toContain('no wanted person has the id');
    expect((await site.app.inject('/?map=putin-vladimir&on=2024-13-45')).statusCode).toBe(400);
    expect((await site.app.inject('/?on=a&on=b')).statusCode).toBe(400);
  });

  it('says so when there is nothing yet', async () => {
    const empty = await testSite();
    const r = await empty.app.inject('/');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('No alert has been raised.');
    expect(r.body).toContain('No trip in the record.');
    await empty.close();
  });
});
