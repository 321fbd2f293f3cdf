/**
 * @module web/pages/parts
 * Pieces every page shares: links to a person, a country and a trip, a duty as a badge, a day in
 * words, a trip as a row. Pure: data in, escaped markup out.
 */
import { dutyOfTrip, outcomeOf, type TripRecord } from '../../events/index.js';
import { formatDay } from '../../law/index.js';
import type { Duty, DutyKind, IsoDate, Registry } from '../../model.js';
import { isoDate } from '../../registry/index.js';
import { html, safeUrl, type Html } from '../html.js';

const DUTY_WORDS: Record<DutyKind, string> = {
  binding: 'Binding duty to arrest',
  urged: 'Urged to cooperate',
  none: 'No duty to arrest',
};
const DUTY_CLASS: Record<DutyKind, string> = { binding: 'binding', urged: 'caution', none: 'none' };

export const STATUS_WORDS: Record<TripRecord['status'], string> = {
  planned: 'planned',
  under_way: 'under way',
  completed: 'completed',
  cancelled: 'cancelled',
  remote: 'by video link',
};

export const OUTCOME_WORDS: Record<ReturnType<typeof outcomeOf>, string> = {
  arrested: 'arrested',
  not_arrested: 'not arrested',
  cancelled: 'trip cancelled',
  remote: 'attended remotely',
  unknown: 'not yet known',
};

/** The duty's kind as a badge, in words (colour is never the only signal). */
export function dutyBadge(duty: Pick<Duty, 'kind'>): Html {
  return html`<span class="badge ${DUTY_CLASS[duty.kind]}">${DUTY_WORDS[duty.kind]}</span>`;
}

/** The legal grounds of a duty in a few words: "Rome Statute art. 86; art. 89(1)". */
export function basisWords(duty: Pick<Duty, 'basis'>): string {
  return [...new Set(duty.basis.flatMap((b) => b.provisions))].join('; ');
}

export const day = (d: string | null | undefined): string => (d ? formatDay(d.slice(0, 10)) : 'day unknown');

/** The trip's days in words: "2 September 2024", "2–3 September 2024", "31 August – 3 September 2025". */
export function tripDays(t: Pick<TripRecord, 'start' | 'end'>): string {
  if (!t.start) return 'days unknown';
  if (!t.end || t.end === t.start) return day(t.start);
  const [from, to] = [day(t.start), day(t.end)];
  if (t.start.slice(0, 7) === t.end.slice(0, 7)) return `${from.split(' ')[0]}–${to}`;
  if (t.start.slice(0, 4) === t.end.slice(0, 4)) return `${from.split(' ').slice(0, 2).join(' ')} – ${to}`;
  return `${from} – ${to}`;
}

/** A code in words: `at_large` → "at large". */
export const words = (code: string) => code.replace(/_/g, ' ');

/** The site a link leads to, to name it by. */
export function hostOf(url: string): string {
  const safe = safeUrl(url);
  return /^https?:/i.test(safe) ? new URL(safe).hostname.replace(/^www\./, '') : 'the article';
}

/** A link to a source outside the site: it passes no standing and no window, and is named by its site. */
export function sourceLink(url: string, text = hostOf(url)): Html {
  return html`<a href="${safeUrl(url)}" rel="nofollow noopener" class="source">${text}</a>`;
}

/** The sources of a fact, comma-separated. */
export function sourceLinks(urls: readonly string[]): Html {
  return html`${urls.map((u, i) => html`${i ? ', ' : ''}${sourceLink(u)}`)}`;
}

export const personHref = (id: string) => `/people/${encodeURIComponent(id)}`;
export const countryHref = (iso2: string) => `/countries/${encodeURIComponent(iso2)}`;
export const tripHref = (id: string) => `/trips/${encodeURIComponent(id)}`;

export function personLink(reg: Registry, id: string): Html {
  return html`<a href="${personHref(id)}">${reg.subjects.get(id)?.name ?? id}</a>`;
}

export function countryLink(reg: Registry, iso2: string): Html {
  return html`<a href="${countryHref(iso2)}">${reg.countryName(iso2)}</a>`;
}

/** Today on the site's clock, as a registry day. */
export const today = (now: () => Date): IsoDate => isoDate.parse(now().toISOString().slice(0, 10));

/** A list, or a sentence saying it is empty. */
export function listOr(items: readonly Html[], empty: string, cls?: string): Html {
  if (!items.length) return html`<p class="muted">${empty}</p>`;
  return cls ? html`<ul class="${cls}">${items}</ul>` : html`<ul>${items}</ul>`;
}

/** Trips as a table by date: days, person, host, status, the host's duty, the outcome. */
export function tripTable(reg: Registry, trips: readonly TripRecord[], hide?: 'person' | 'country'): Html {
  if (!trips.length) return html`<p class="muted">No trip in the record.</p>`;
  const rows = trips.map((t) => {
    const duty = dutyOfTrip(reg, t);
    return html`<tr>
      <td data-label="Days"><a href="${tripHref(t.id)}">${tripDays(t)}</a></td>
      ${hide === 'person' ? '' : html`<td data-label="Person">${personLink(reg, t.subjectId)}</td>`}
      ${hide === 'country' ? '' : html`<td data-label="Host">${countryLink(reg, t.countryIso2)}${t.city ? html`, ${t.city}` : ''}</td>`}
      <td data-label="Status">${STATUS_WORDS[t.status]}</td>
      <td data-label="Host's duty">${dutyBadge(duty)} <span class="muted">${basisWords(duty)}</span></td>
      <td data-label="Outcome">${OUTCOME_WORDS[outcomeOf(t)]}</td>
    </tr>`;
  });
  return html`<div class="table-wrap">
    <table class="trips">
      <thead>
        <tr>
          <th scope="col">Days</th>
          ${hide === 'person' ? '' : html`<th scope="col">Person</th>`}
          ${hide === 'country' ? '' : html`<th scope="col">Host</th>`}
          <th scope="col">Status</th>
          <th scope="col">Host's duty</th>
          <th scope="col">Outcome</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

/** Trips by their day, the newest first. */
export const newestFirst = (a: TripRecord, b: TripRecord) =>
  (b.start ?? b.firstReported).localeCompare(a.start ?? a.firstReported) || a.id.localeCompare(b.id);
