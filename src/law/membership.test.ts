import { describe, expect, it } from 'vitest';
import { loadRegistry, type IsoDate } from '../registry/index.js';
import { entryIntoForceFor, membershipOn, withdrawalEffective } from './membership.js';

const reg = loadRegistry();
const d = (s: string) => s as IsoDate;
const on = (iso2: string, date: string) => membershipOn(reg.memberships.get(iso2), date);

describe('entry into force (art. 126)', () => {
  it('is 1 July 2002 for the first 60 instruments and the first of the month after 60 days otherwise', () => {
    expect(entryIntoForceFor('2002-04-11')).toBe('2002-07-01');
    expect(entryIntoForceFor('2024-10-25')).toBe('2025-01-01'); // Ukraine
    expect(entryIntoForceFor('2023-11-14')).toBe('2024-02-01'); // Armenia
    expect(entryIntoForceFor('2011-06-01')).toBe('2011-08-01'); // 60th day is 31 July
    expect(entryIntoForceFor('2011-06-02')).toBe('2011-09-01'); // 60th day is 1 August
  });

  it('agrees with the recorded date of every state that ratified or acceded', () => {
    const mismatches = [...reg.memberships.values()]
      .filter((m) => m.instrument !== 'succession' && entryIntoForceFor(m.deposited) !== m.entryIntoForce)
      .map(
        (m) => `${m.iso2}: recorded ${m.entryIntoForce}, art. 126 gives ${entryIntoForceFor(m.deposited)}`,
      );
    expect(mismatches).toEqual([]);
  });
});

describe('withdrawal (art. 127(1))', () => {
  it('takes effect one year after notification', () => {
    expect(withdrawalEffective(reg.memberships.get('BI')!)).toBe('2017-10-27');
    expect(withdrawalEffective(reg.memberships.get('PH')!)).toBe('2019-03-17');
  });

  it('never takes effect once revoked (South Africa 2017, Gambia 2017, Hungary 2026)', () => {
    for (const iso2 of ['ZA', 'GM', 'HU'])
      expect(withdrawalEffective(reg.memberships.get(iso2)!)).toBeUndefined();
  });
});

describe('membership on a date', () => {
  it('Burundi is a party until 26 October 2017 and has withdrawn from 27 October 2017', () => {
    expect(on('BI', '2017-10-26')).toMatchObject({
      status: 'party',
      withdrawal: { notified: '2016-10-27', effective: '2017-10-27' },
    });
    expect(on('BI', '2017-10-27')).toEqual({
      status: 'withdrawn',
      effective: '2017-10-27',
      since: '2004-12-01',
    });
  });

  it('the Philippines left on 17 March 2019', () => {
    expect(on('PH', '2019-03-16').status).toBe('party');
    expect(on('PH', '2025-03-11').status).toBe('withdrawn');
  });

  it('Ukraine: deposited in October 2024, a party only from 1 January 2025', () => {
    expect(on('UA', '2024-10-24')).toEqual({ status: 'never' });
    expect(on('UA', '2024-12-31')).toEqual({ status: 'not_yet', entryIntoForce: '2025-01-01' });
    expect(on('UA', '2025-01-01')).toEqual({ status: 'party', since: '2025-01-01' });
  });

  it('Hungary 2025-2026: announced, notified, revoked, a party throughout', () => {
    expect(on('HU', '2025-04-02')).toEqual({ status: 'party', since: '2002-07-01' });
    expect(on('HU', '2025-04-03')).toMatchObject({
      status: 'party',
      withdrawal: { announced: '2025-04-03' },
    });
    expect(on('HU', '2025-04-03')).not.toHaveProperty('withdrawal.notified');
    expect(on('HU', '2025-07-01')).toMatchObject({
      status: 'party',
      withdrawal: { notified: '2025-06-02', effective: '2026-06-02', revoked: '2026-05-29' },
    });
    expect(on('HU', '2026-06-02')).toEqual({ status: 'party', since: '2002-07-01' });
  });

  it('South Africa 2016-2017: a notice revoked before its effect leaves it a party', () => {
    expect(on('ZA', '2017-01-15')).toMatchObject({
      status: 'party',
      withdrawal: { notified: '2016-10-19', revoked: '2017-03-07' },
    });
    expect(on('ZA', '2017-10-19')).toEqual({ status: 'party', since: '2002-07-01' });
  });

  it('a state that never joined is never a party', () => {
    expect(on('RU', '2024-09-03')).toEqual({ status: 'never' });
    expect(membershipOn(undefined, d('2024-09-03'))).toEqual({ status: 'never' });
  });
});
