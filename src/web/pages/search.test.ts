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

const search = (q: string) => site.app.inject(`/search?q=${encodeURIComponent(q)}`);
const section = (body: string, from: string, to: string) => body.slice(body.indexOf(from), body.indexOf(to));

describe('the search page', () => {
  it('finds a person by a name in another script, and his trips', async () => {
    const r = await search('Путин');
    expect(r.statusCode).toBe(200);
    expect(section(r.body, '<h2>Persons', '<h2>Countries')).toContain(
      '<a href="/people/putin-vladimir">Vladimir Putin</a>',
    );
    const trips = section(r.body, '<h2>Trips', '</main>');
    expect(trips).toContain(`href="/trips/${filled.planned.id}"`);
    expect(trips).toContain('href="/trips/PUT-2024-09-02-MN"');
    expect(trips).not.toContain(HOSTILE);
  });

  it('finds a country by its name in another language, and the trips there', async () => {
    const r = await search('Монголия');
    expect(section(r.body, '<h2>Countries', '<h2>Trips')).toContain('<a href="/countries/MN">Mongolia</a>');
    const trips = section(r.body, '<h2>Trips', '</main>');
    expect(trips).toContain('href="/trips/PUT-2024-09-02-MN"');
    expect(trips).not.toContain('PUT-2024-06-18-KP');
  });

  it('lists every person an ambiguous name fits', async () => {
    const persons = section((await search('gaddafi')).body, '<h2>Persons', '<h2>Countries');
    expect(persons).toContain('/people/gaddafi-muammar');
    expect(persons).toContain('/people/gaddafi-saif-al-islam');
  });

  it('escapes the query, and offers the nearest names when nothing fits', async () => {
    const r = await search(`Putn${HOSTILE}`);
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain(HOSTILE);
    expect(r.body).toContain('value="Putn&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"');
    expect(r.body).toContain('<h2>Did you mean</h2>');
  });

  it('answers an empty query with the form, and one too long to be a name with a 400 page', async () => {
    const empty = await site.app.inject('/search');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('Type the name of a wanted person');
    const long = await search('x'.repeat(500));
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('That is 500 characters: too long to be a name (at most 200).');
    const twice = await site.app.inject('/search?q=a&q=b');
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('Ask one name at a time.');
  });
});
