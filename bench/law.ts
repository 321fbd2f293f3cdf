/**
 * @module bench/law
 * The law engine's speed: dutyMatrix for one date (drawn on every page view of the map) and for
 * every day of a year, against the plain way of asking dutyToArrest for every (subject, state) pair.
 */
import { dutyMatrix, dutyToArrest, eachDay, isOutstandingOn } from '../src/law/index.js';
import { computeMatrix } from '../src/law/matrix.js';
import { loadRegistry, type IsoDate, type Registry } from '../src/registry/index.js';
import { fmtMs, printTable, time } from './measure.js';

/** The baseline: one dutyToArrest call per wanted subject and country. */
function naiveMatrix(reg: Registry, date: IsoDate): number {
  const wanted = new Set(reg.warrants.filter((w) => isOutstandingOn(w, date)).map((w) => w.subject));
  let n = 0;
  for (const s of wanted)
    for (const c of reg.countries) if (dutyToArrest(reg, s, c.iso2, date).kind === 'binding') n++;
  return n;
}

export function benchLaw(): void {
  const t0 = performance.now();
  const reg = loadRegistry();
  const loadMs = performance.now() - t0;
  void reg.countries; // build the multilingual country table outside the timings
  const date = '2024-09-03' as IsoDate;
  const pairs = dutyMatrix(reg, date).entries.length;
  if (naiveMatrix(reg, date) !== pairs) throw new Error('dutyMatrix and dutyToArrest disagree');
  // Computed afresh each time: dutyMatrix itself keeps the last days it was asked for.
  const one = time(() => computeMatrix(reg, date));
  const kept = time(() => dutyMatrix(reg, date));
  const naive = time(() => naiveMatrix(reg, date), 2000, 3);
  const year = eachDay('2025-01-01', '2025-12-31');
  const yearRun = time(() => year.forEach((d) => computeMatrix(reg, d)), 3000, 3);
  const single = time(() => dutyToArrest(reg, 'putin-vladimir', 'MN', date));
  printTable(
    `law engine (${reg.warrants.length} warrants, ${reg.memberships.size} memberships; registry load ${fmtMs(loadMs)})`,
    ['measure', 'median', 'p95', 'runs', 'compared with'],
    [
      ['dutyToArrest, one pair', fmtMs(single.medianMs), fmtMs(single.p95Ms), String(single.runs), ''],
      [
        `dutyMatrix, 1 date (${pairs} binding pairs)`,
        fmtMs(one.medianMs),
        fmtMs(one.p95Ms),
        String(one.runs),
        `naive dutyToArrest per pair: ${fmtMs(naive.medianMs)} (${(naive.medianMs / one.medianMs).toFixed(0)}x slower)`,
      ],
      [
        'dutyMatrix, 1 date asked again (kept)',
        fmtMs(kept.medianMs),
        fmtMs(kept.p95Ms),
        String(kept.runs),
        '',
      ],
      [
        'dutyMatrix, every day of 2025 (365 dates)',
        fmtMs(yearRun.medianMs),
        fmtMs(yearRun.p95Ms),
        String(yearRun.runs),
        `${fmtMs(yearRun.medianMs / 365)} per date`,
      ],
    ],
  );
}
