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

describe('the countries pages', () => {
  it('lists the states that joined, with where each stands today, and every other state', async () => {
    const r = await site.app.inject('/countries');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain(
      '<td><a href="/countries/BI">Burundi</a></td><td class="day">1 December 2004</td><td>withdrew, effective 27 October 2017</td>',
    );
    expect(r.body).toContain(
      '<td><a href="/countries/MN">Mongolia</a></td><td class="day">1 July 2002</td><td>party</td>',
    );
    expect(r.body).toContain('<li><a href="/countries/US">United States</a></li>');
  });

  it('gives a membership history with its dates and sources: a withdrawal and its revocation', async () => {
    const r = await site.app.inject('/countries/HU');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain(
      '<li>2 June 2025: notified its withdrawal to the UN Secretary-General (art. 127(1))</li><li>29 May 2026: revoked its withdrawal</li>',
    );
    expect(r.body).toMatch(
      /Checked: verified\. <span class="muted">Sources: <a href="https:\/\/treaties\.un\.org[^"]*" rel="nofollow noopener" class="source">treaties\.un\.org<\/a>, /,
    );
  });

  it('names the persons it must arrest today, on what ground', async () => {
    const r = await site.app.inject('/countries/MN');
    const duties = r.body.slice(
      r.body.indexOf('<h2>Whom it must arrest today'),
      r.body.indexOf('<h2>Its record'),
    );
    expect(duties).toMatch(/It must arrest \(\d+\), under Rome Statute art\. 86; Rome Statute art\. 89\(1\)/);
    expect(duties).toContain('<li><a href="/people/putin-vladimir">Vladimir Putin</a></li>');
    const us = await site.app.inject('/countries/US');
    expect(us.body).toContain('United States is bound to arrest no wanted person today.');
    expect(us.body).toMatch(
      /urges it, without binding it, to cooperate in the arrest of \(\d+\), under S\/RES\/1593 \(2005\)/,
    );
    expect(us.body).toContain('<li><a href="/people/al-bashir-omar">Omar al-Bashir</a></li>');
  });

  it('gives its record: each visit, what it did, and the Court’s finding beside it', async () => {
    const r = await site.app.inject('/countries/MN');
    const record = r.body.slice(
      r.body.indexOf('<h2>Its record'),
      r.body.indexOf("<h2>The Court's other findings"),
    );
    expect(record).toMatch(
      /PUT-2024-09-02-MN">2–3 September 2024<\/a>: <span class="badge binding">[^<]*<\/span>\s*bound to arrest, did not/,
    );
    expect(record).toContain(
      '<strong>Non-compliance found</strong>, <a href="/countries/MN">Mongolia</a>, 24 October 2024',
    );
    expect(record).toContain(`href="/trips/${filled.planned.id}"`);
    expect(record).not.toContain(HOSTILE);
    // Not told twice: the finding stands beside its visit only.
    expect(r.body.slice(r.body.indexOf("<h2>The Court's other findings"))).toContain('None: every finding');
  });

  it('sends a lower-case code to the page of its upper-case one, and answers an unknown code with a 404', async () => {
    const r = await site.app.inject('/countries/mn');
    expect([r.statusCode, r.headers.location]).toEqual([301, '/countries/MN']);
    const unknown = await site.app.inject('/countries/QQ');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('No country has the ISO code “QQ”.');
  });
});
