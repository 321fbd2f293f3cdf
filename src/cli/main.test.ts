import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/cli.js';

const cli = (...argv: string[]) => runCli(argv);

describe('warrant-watch duty', () => {
  it('answers in JSON with the kind, the basis and the caveats', async () => {
    const { code, out } = await cli('duty', 'putin', 'MN', '2024-09-03', '--json');
    expect(code).toBe(0);
    const duty = JSON.parse(out);
    expect(duty).toMatchObject({
      subject_id: 'putin-vladimir',
      iso2: 'MN',
      date: '2024-09-03',
      kind: 'binding',
    });
    expect(duty.basis.map((b: { ground: string }) => b.ground)).toEqual(['rome_statute_party']);
    expect(duty.explanation).toMatch(/arts\. 86 and 89\(1\)/);
  });

  it.each([['Vladimir Putin'], ['Путин'], ['PUTIN'], ['putin-vladimir'], ['Poutine']])(
    'finds the subject from %s',
    async (name) => {
      const { code, out } = await cli('duty', name, 'Mongolia', '2024-09-03', '--json');
      expect(code).toBe(0);
      expect(JSON.parse(out).subject_id).toBe('putin-vladimir');
    },
  );

  it('explains in plain words, with the articles, for people', async () => {
    const { code, out } = await cli('duty', 'al-Bashir', 'South Africa', '2015-06-14');
    expect(code).toBe(0);
    expect(out).toMatch(/^BINDING DUTY TO ARREST: South Africa, Omar al-Bashir, 14 June 2015/);
    expect(out).toMatch(
      /Legal basis:\n {2}- rome_statute_party \(Rome Statute art\. 86; Rome Statute art\. 89\(1\)\)/,
    );
    expect(out).toContain('[immunity_claim_rejected]');
    // A wrapped item goes on under its own text; only an item starts with a bullet.
    const bullets = out.split('\n').filter((l) => l.startsWith('  - '));
    expect(bullets.every((l) => /^ {2}- (\w+ \(|\[|F\d+ )/.test(l))).toBe(true);
  });

  it('says when the answer is a projection, and when the duty over airspace is unsettled', async () => {
    const later = await cli('duty', 'putin', 'MN', '2027-09-03');
    expect(later.out).toContain(
      'A projection: this applies the registry as it stands today (27 November 2026)',
    );
    expect((await cli('duty', 'putin', 'MN', '2024-09-03')).out).not.toContain('A projection');
    const over = await cli('duty', 'netanyahu', 'GR', '2025-09-25', '--airspace');
    expect(over.out).toMatch(/^IN THE AIRSPACE ONLY: DUTY UNSETTLED \(binding if he lands\): Greece/);
  });

  it('refuses an empty --on date instead of taking it for today', async () => {
    const r = await cli('warrants', '--on', '');
    expect([r.code, r.err]).toEqual([
      2,
      'warrant-watch: bad --on date "": expected a date as YYYY-MM-DD (for example 2024-09-03)\n',
    ]);
  });

  it("names the state's past failures to arrest, from the Court's findings", async () => {
    const { out } = await cli('duty', 'putin', 'MN', '2024-09-03');
    expect(out).toMatch(
      /This state's record \(the Court's findings of non-compliance\):\n {2}- F19 2024-10-24: Mongolia breached/,
    );
  });

  it('rejects an unknown subject with the nearest choices and exit code 2', async () => {
    const { code, err } = await cli('duty', 'Putn', 'MN', '2024-09-03');
    expect(code).toBe(2);
    expect(err).toMatch(/^warrant-watch: unknown subject "Putn"; nearest: Vladimir Putin \(putin-vladimir\)/);
  });

  it('names every person an ambiguous name fits', async () => {
    const { code, err } = await cli('duty', 'sergei', 'MN', '2024-09-03');
    expect(code).toBe(2);
    expect(err).toMatch(/^warrant-watch: ambiguous subject "sergei": it names /);
    expect(err).toContain('(kobylash-sergei)');
    expect(err).toContain('(shoigu-sergei)');
  });

  it.each([
    [
      ['gaddafi', 'LY', '2011-07-01'],
      /^warrant-watch: ambiguous subject "gaddafi": it names Muammar Gaddafi \(gaddafi-muammar\), Saif al-Islam Gaddafi \(gaddafi-saif-al-islam\)/,
    ],
    [
      ['putin', 'Congo', '2024-09-03'],
      /^warrant-watch: ambiguous country "Congo": it names DR Congo \(CD\), Republic of the Congo \(CG\); give the ISO code\n$/,
    ],
  ])('refuses the ambiguous look-up %j, naming what to type', async (argv, message) => {
    const { code, out, err } = await cli('duty', ...argv);
    expect([code, out]).toEqual([2, '']);
    expect(err).toMatch(message);
  });

  it('rejects an unknown country with suggestions', async () => {
    const { code, err } = await cli('duty', 'putin', 'Mongolai', '2024-09-03');
    expect(code).toBe(2);
    expect(err).toMatch(/unknown country "Mongolai"; nearest: Mongolia \(MN\)/);
  });

  it.each([['2024-13-01'], ['2024-02-30'], ['3 Sept 2024']])('rejects the date %s', async (date) => {
    const { code, err } = await cli('duty', 'putin', 'MN', date);
    expect(code).toBe(2);
    expect(err).toContain(`bad date "${date}"`);
  });

  it('exits 2 when an argument is missing', async () => {
    const { code, err } = await cli('duty', 'putin');
    expect(code).toBe(2);
    expect(err).toMatch(/missing required argument 'country'/);
  });
});

describe('warrant-watch warrants and states', () => {
  it('lists warrants at large on a date', async () => {
    const { code, out } = await cli('warrants', '--status', 'at_large', '--on', '2024-09-03', '--json');
    expect(code).toBe(0);
    const { warrants } = JSON.parse(out);
    expect(warrants.map((w: { subject_id: string }) => w.subject_id)).toContain('putin-vladimir');
    expect(warrants.every((w: { status: string }) => w.status === 'at_large')).toBe(true);
    expect(warrants.map((w: { subject_id: string }) => w.subject_id)).not.toContain('duterte-rodrigo');
  });

  it('rejects an unknown status, listing the valid ones', async () => {
    const { code, err } = await cli('warrants', '--status', 'wanted');
    expect(code).toBe(2);
    expect(err).toMatch(/unknown status "wanted"; choose one of: application, at_large/);
  });

  it('counts the States Parties on a date', async () => {
    expect(JSON.parse((await cli('states', '--on', '2024-09-03', '--json')).out).count).toBe(124);
    expect(JSON.parse((await cli('states', '--on', '2025-01-01', '--json')).out).count).toBe(125);
    const burundi = JSON.parse((await cli('states', '--on', '2017-10-27', '--json')).out);
    expect(burundi.states.map((s: { iso2: string }) => s.iso2)).not.toContain('BI');
  });
});

describe('bin/warrant-watch', () => {
  const root = join(import.meta.dirname, '..', '..');
  it('runs the built CLI from the repository root', () => {
    expect(
      existsSync(join(root, 'dist', 'cli', 'bin.js')),
      'dist/ is missing: npm test builds it first',
    ).toBe(true);
    const out = execFileSync(
      join(root, 'bin', 'warrant-watch'),
      ['duty', 'putin', 'MN', '2024-09-03', '--json'],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(out)).toMatchObject({
      kind: 'binding',
      basis: [expect.objectContaining({ ground: 'rome_statute_party' })],
    });
  });

  it('exits 2 on bad input', () => {
    const r = spawnSync(join(root, 'bin', 'warrant-watch'), ['duty', 'nobody-at-all', 'MN', '2024-09-03'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown subject "nobody-at-all"/);
  });
});

describe('warrant-watch registry check', () => {
  it('validates the registry and the lexicons, and counts what they hold', async () => {
    const { code, out } = await cli('registry', 'check', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.ok).toBe(true);
    expect(report.counts.subjects).toBeGreaterThan(50);
    expect(report.lexicons.en).toBeGreaterThan(400);
  });
});
