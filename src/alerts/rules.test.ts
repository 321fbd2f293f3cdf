import { describe, expect, it } from 'vitest';
import { dutyOfTrip, mergeTrips, type Claim } from '../events/index.js';
import { claim } from '../testing/claims.js';
import { loadRegistry } from '../registry/index.js';
import { alertsFor } from './rules.js';

const reg = loadRegistry();

/** The alerts the record warrants after the claims, with the clock at `now`. */
function alerts(claims: Claim[], now: string) {
  return mergeTrips(claims).flatMap((t) =>
    alertsFor(t, dutyOfTrip(reg, t), now).map((a) => `${a.kind}@${a.evidence.articleId}`),
  );
}

const plan = claim('plan', '2024-08-29', 'planned', { start: '2024-09-03' });
const arrival = claim('arrival', '2024-09-02', 'under_way', { start: '2024-09-02' });
const departure = claim('departure', '2024-09-04', 'completed', { start: '2024-09-02', end: '2024-09-03' });

describe('alertsFor', () => {
  it('warns of a planned visit to a State Party bound to arrest, then of the arrival and the departure', () => {
    expect(alerts([plan], '2024-08-29')).toEqual(['upcoming_visit@plan']);
    expect(alerts([plan, arrival], '2024-09-02')).toEqual(['arrival@arrival']);
    expect(alerts([plan, arrival, departure], '2024-09-04')).toEqual(['departed_without_arrest@departure']);
  });

  it('gives no upcoming_visit once the arrival is known, whatever order the articles were read in', () => {
    expect(alerts([arrival, plan], '2024-09-02')).toEqual(['arrival@arrival']);
  });

  it('raises nothing for a state without a binding duty on the trip days', () => {
    // Mongolia was a State Party in 2019, but no warrant for Putin existed before 17 March 2023.
    expect(alerts([claim('old', '2019-09-02', 'under_way', { start: '2019-09-02' })], '2019-09-02')).toEqual(
      [],
    );
    expect(alerts([claim('kp', '2024-06-19', 'under_way', { countryIso2: 'KP' })], '2024-06-19')).toEqual([]);
  });

  it('updates the record silently from news read long after it was published, or told long after the journey', () => {
    expect(alerts([plan], '2024-09-20')).toEqual([]);
    const late = claim('late', '2024-10-01', 'completed', { start: '2024-09-02', end: '2024-09-03' });
    expect(alerts([plan, arrival, late], '2024-10-01')).toEqual([]);
  });

  it('reports a cancellation or a switch to video once, and an arrest instead of a departure', () => {
    const cancelled = claim('off', '2024-08-31', 'cancelled');
    const remote = claim('video', '2024-09-01', 'remote');
    expect(alerts([plan, cancelled], '2024-08-31')).toEqual(['cancelled@off']);
    expect(alerts([plan, cancelled, remote], '2024-09-01')).toEqual(['cancelled@off']);
    const arrest = claim('arrest', '2024-09-03', 'completed', { type: 'arrest' });
    expect(alerts([plan, arrival, arrest, departure], '2024-09-04')).toEqual(['arrested@arrest']);
  });
});
