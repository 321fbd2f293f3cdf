import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSite, type TestSite } from '../testing/web.js';

let dir: string;
let site: TestSite;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ww-feeds-'));
  mkdirSync(join(dir, 'alerts', 'subject'), { recursive: true });
  writeFileSync(join(dir, 'alerts.atom'), '<feed>every alert</feed>');
  writeFileSync(join(dir, 'alerts.json'), '{"items":["every alert"]}');
  writeFileSync(join(dir, 'alerts', 'subject', 'putin-vladimir.atom'), '<feed>putin</feed>');
  writeFileSync(join(dir, 'alerts', 'subject', 'putin-vladimir.json'), '{"items":["putin"]}');
  mkdirSync(join(dir, 'alerts', 'country'), { recursive: true });
  writeFileSync(join(dir, 'alerts', 'country', 'HU.atom'), '<feed>hungary</feed>');
  writeFileSync(join(dir, 'secret.atom'), 'not a feed');
  site = await testSite({ feedsDir: dir });
});
afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the feeds', () => {
  it('serves the documents the alerts stage wrote, with their media types', async () => {
    const atom = await site.app.inject('/feeds/alerts.atom');
    expect([atom.statusCode, atom.headers['content-type'], atom.body]).toEqual([
      200,
      'application/atom+xml; charset=utf-8',
      '<feed>every alert</feed>',
    ]);
    const json = await site.app.inject('/feeds/alerts/subject/putin-vladimir.json');
    expect([json.statusCode, json.headers['content-type'], json.body]).toEqual([
      200,
      'application/feed+json; charset=utf-8',
      '{"items":["putin"]}',
    ]);
  });

  it('links a person’s feeds from his page only when they exist', async () => {
    const putin = await site.app.inject('/people/putin-vladimir');
    expect(putin.body).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Alerts: Vladimir Putin (Atom)" href="/feeds/alerts/subject/putin-vladimir.atom" />',
    );
    expect(putin.body).toContain('href="/feeds/alerts/subject/putin-vladimir.json"');
    const other = await site.app.inject('/people/al-bashir-omar');
    expect(other.body).not.toContain('/feeds/alerts/subject/');
    const country = await site.app.inject('/countries/MN');
    expect(country.body).not.toContain('/feeds/alerts/country/');
    const hungary = await site.app.inject('/countries/HU');
    expect(hungary.body).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Alerts: Hungary (Atom)" href="/feeds/alerts/country/HU.atom" />',
    );
    expect((await site.app.inject('/feeds/alerts/country/HU.atom')).body).toBe('<feed>hungary</feed>');
  });

  it('answers a missing document of a person or a state with a 404, and of every alert with an empty valid feed', async () => {
    const none = await site.app.inject('/feeds/alerts/country/MN.atom');
    expect(none.statusCode).toBe(404);
    const empty = await testSite({ feedsDir: join(dir, 'nothing-here') });
    const atom = await empty.app.inject('/feeds/alerts.atom');
    expect([atom.statusCode, atom.headers['content-type']]).toEqual([
      200,
      'application/atom+xml; charset=utf-8',
    ]);
    expect(atom.body).toMatch(/^<\?xml[^>]*>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(atom.body).not.toContain('<entry>');
    const json = await empty.app.inject('/feeds/alerts.json');
    expect(json.json()).toMatchObject({ version: 'https://jsonfeed.org/version/1', items: [] });
    await empty.close();
  });

  it('serves nothing outside the folder, nor any name the alerts stage does not write', async () => {
    for (const path of [
      '/feeds/secret.atom',
      '/feeds/alerts.xml',
      '/feeds/alerts/subject/..%2F..%2Fsecret.atom',
      '/feeds/alerts/subject/%2e%2e.atom',
      '/feeds/alerts/subject/nobody.atom',
      '/feeds/alerts/other/putin-vladimir.atom',
      '/feeds/alerts/country/mn.atom',
      '/feeds/../secret.atom',
    ])
      expect((await site.app.inject(path)).statusCode, path).toBe(404);
  });
});
