import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dutyToArrest } from '../../law/index.js';
import { isoDate } from '../../registry/index.js';
import { testSite, type TestSite } from '../../testing/web.js';

let site: TestSite;
beforeAll(async () => {
  site = await testSite();
});
afterAll(() => site.close());

const duty = (q: Record<string, string>) => site.app.inject(`/duty?${new URLSearchParams(q).toString()}`);

describe('the duty page', () => {
  it('gives the law engine’s answer with its grounds, the state’s record and the form filled in', async () => {
    const r = await duty({ subject: 'Путин', country: 'Mongolia', date: '2024-09-03' });
    expect(r.statusCode).toBe(200);
    const expected = dutyToArrest(site.registry, 'putin-vladimir', 'MN', isoDate.parse('2024-09-03'));
    expect(r.body).toContain(`<p>${expected.explanation}</p>`);
    expect(r.body).toContain(
      '<span class="badge binding">Binding duty to arrest</span> Mongolia, Vladimir Putin, 3 September 2024',
    );
    expect(r.body).toContain(
      'State Party to the Rome Statute: Rome Statute art. 86; Rome Statute art. 89(1) <span class="muted">(binding since 17 March 2023, warrant putin-vladimir-2023)</span>',
    );
    expect(r.body).toContain('24 October 2024: Mongolia breached its duty');
    expect(r.body).toContain('value="Путин"');
    expect(r.body).toContain('value="2024-09-03"');
    expect(r.body).not.toContain('A projection');
  });

  it('says a later day is a projection, and takes today when no day is given', async () => {
    const later = await duty({ subject: 'putin-vladimir', country: 'MN', date: '2027-01-01' });
    expect(later.body).toContain(
      'A projection: this applies the registry as it stands today (4 December 2026)',
    );
    const today = await duty({ subject: 'putin-vladimir', country: 'US' });
    expect(today.statusCode).toBe(200);
    expect(today.body).toContain(
      '<span class="badge none">No duty to arrest</span> United States, Vladimir Putin, 4 December 2026',
    );
  });

  it('shows the bare form when nothing is asked', async () => {
    const r = await site.app.inject('/duty');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('value="2026-12-04"');
    expect(r.body).not.toContain('id="answer"');
  });

  it('answers an ambiguous name with a 400 page naming the candidates', async () => {
    const r = await duty({ subject: 'gaddafi', country: 'MN', date: '2024-09-03' });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('The name “gaddafi” fits several persons');
    // Each candidate asks the question again with that person.
    expect(r.body).toContain(
      '<a href="/duty?subject=gaddafi-muammar&amp;country=MN&amp;date=2024-09-03">Muammar Gaddafi</a>',
    );
    expect(r.body).toContain(
      '<a href="/duty?subject=gaddafi-saif-al-islam&amp;country=MN&amp;date=2024-09-03">',
    );
  });

  it('answers an unknown person, an unknown state and a bad day at once, escaped', async () => {
    const r = await duty({ subject: '<b>nobody</b>', country: 'Atlantis', date: '2023-02-30' });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('No wanted person is known as “&lt;b&gt;nobody&lt;/b&gt;”.');
    expect(r.body).toContain('No state is known as “Atlantis”.');
    expect(r.body).toContain('“2023-02-30” is not a day: not a real calendar day');
    expect(r.body).not.toContain('<b>nobody</b>');
    expect(r.body).toContain('value="&lt;b&gt;nobody&lt;/b&gt;"');
  });

  it('asks for what is missing', async () => {
    const r = await duty({ country: 'MN' });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('Name the person.');
  });
});
