/**
 * @module web/pages/people
 * `/people`: every person the registry holds a warrant (or an application) for, with its status
 * today. `/people/<id>`: the warrants with their charges and status history, every known trip by
 * date, the states that hosted the person without arresting him, the Court's findings.
 */
import { KEPT } from '../response-cache.js';
import type { FastifyInstance } from 'fastify';
import { ledgerOf } from '../../events/index.js';
import { statusOn } from '../../law/index.js';
import type { Registry, Warrant } from '../../model.js';
import type { WebDeps } from '../deps.js';
import { feedAlternates } from '../feeds.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { PageNotFoundError } from './errors.js';
import { findingList } from './findings.js';
import { mapSlot } from './map-slot.js';
import {
  countryLink,
  day,
  listOr,
  newestFirst,
  personHref,
  sourceLinks,
  today,
  tripHref,
  tripTable,
  words,
} from './parts.js';

function warrantCard(reg: Registry, w: Warrant): Html {
  const situation = reg.situations.get(w.situation);
  return html`<article class="card warrant">
    <h3>${situation?.name ?? w.situation}${w.caseNumber ? html` <span class="muted">${w.caseNumber}</span>` : ''}</h3>
    <p>
      ${w.issued ? html`Issued ${day(w.issued)}` : 'Issue date not public'}${w.madePublic ? html`, made public ${day(w.madePublic)}` : ''}${w.chamber ? html`, ${w.chamber}` : ''}.
    </p>
    ${w.charges ? html`<p><strong>Charges:</strong> ${w.charges}</p>` : ''}
    <ol class="history">
      ${w.history.map((h) => html`<li>${day(h.from)}${h.precision !== 'day' ? html` <span class="muted">(${h.precision} only)</span>` : ''}: ${words(h.status)}${h.note ? html` <span class="muted">(${h.note})</span>` : ''}</li>`)}
    </ol>
    <p class="muted">Checked: ${words(w.confidence)}.${w.sources.length ? html` Sources: ${sourceLinks(w.sources)}.` : ''}</p>
  </article>`;
}

/** The trips a person page lists unless asked for all: the page stays light for the busiest traveller. */
const SHOWN_TRIPS = 100;

export function peopleRoutes(app: FastifyInstance, deps: WebDeps): void {
  const reg = deps.registry;

  app.get('/people', KEPT, async (_req, reply) => {
    const todayIs = today(deps.now);
    const people = [...reg.warrantsBySubject.entries()]
      .map(([id, ws]) => ({
        subject: reg.subjects.get(id)!,
        statuses: ws.map((w) => statusOn(w, todayIs)?.status ?? 'not yet issued'),
      }))
      .sort((a, b) => a.subject.name.localeCompare(b.subject.name));
    const rows = people.map(
      (p) =>
        html`<tr><td><a href="${personHref(p.subject.id)}">${p.subject.name}</a></td><td>${p.subject.nationality ? countryLink(reg, p.subject.nationality) : ''}</td><td>${[...new Set(p.statuses)].map(words).join(', ')}</td></tr>`,
    );
    const main = html`<h1>Wanted persons</h1>
      <p>Every person for whom the International Criminal Court has issued a warrant, or the Prosecutor has applied for one, with where the warrant stands today (${day(todayIs)}).</p>
      <div class="table-wrap"><table><thead><tr><th scope="col">Name</th><th scope="col">Nationality</th><th scope="col">Warrant today</th></tr></thead><tbody>${rows}</tbody></table></div>`;
    return reply
      .type('text/html; charset=utf-8')
      .send(layout({ title: 'Wanted persons', section: 'people', main }).text);
  });

  app.get<{ Params: { id: string }; Querystring: { trips?: unknown } }>(
    '/people/:id',
    KEPT,
    async (req, reply) => {
      const subject = reg.subjects.get(req.params.id);
      if (!subject) throw new PageNotFoundError(`No person in the registry has the id “${req.params.id}”.`);
      const todayIs = today(deps.now);
      const trips = (await deps.store.listTrips({ subjectId: subject.id })).sort(newestFirst);
      const ledger = ledgerOf(reg, trips, { subjectId: subject.id });
      const shown = req.query.trips === 'all' ? trips : trips.slice(0, SHOWN_TRIPS);
      const more =
        shown.length < trips.length
          ? html`<p class="muted">The ${shown.length} latest of his ${trips.length} trips in the record: <a href="${personHref(subject.id)}?trips=all#trips">all ${trips.length}</a> · <a href="/api/v1/trips.csv?subject=${subject.id}">as CSV</a></p>`
          : '';
      const unarrested = ledger.entries
        .filter((e) => e.verdict === 'failed_to_arrest')
        .map(
          (e) =>
            html`<li>${countryLink(reg, e.trip.countryIso2)}, <a href="${tripHref(e.trip.id)}">${day(e.trip.start ?? e.trip.firstReported)}</a>: bound to arrest, did not</li>`,
        );
      const names = [subject.fullName, ...subject.aliases, ...subject.nativeNames.map((n) => n.name)].filter(
        (n) => n !== subject.name,
      );
      const offices = subject.offices.map(
        (o) =>
          html`<li>${o.title}${o.from ? html`, from ${day(o.from)}` : ''}${o.to ? html` to ${day(o.to)}` : ''}</li>`,
      );
      const main = html`<h1>${subject.name}</h1>
      ${names.length ? html`<details class="names"><summary>Other spellings (${names.length})</summary><p>${names.join(' · ')}</p></details>` : ''}
      ${offices.length ? html`<ul class="offices">${offices}</ul>` : ''}
      <h2>Warrants</h2>
      ${(reg.warrantsBySubject.get(subject.id) ?? []).map((w) => warrantCard(reg, w))}
      <h2 id="trips">Trips</h2>
      ${tripTable(reg, shown, 'person')}
      ${more}
      <h2>States that hosted him without arresting him</h2>
      ${listOr(unarrested, 'None in the record.')}
      <h2>The Court's findings</h2>
      ${findingList(reg, ledger.findings, 'The Court has made no finding about his trips.')}
      ${mapSlot(reg, todayIs, subject.id)}`;
      return reply.type('text/html; charset=utf-8').send(
        layout({
          title: subject.name,
          description: `Warrants, trips and the duty to arrest ${subject.name}.`,
          section: 'people',
          alternates: await feedAlternates(deps, 'subject', subject.id, subject.name),
          main,
        }).text,
      );
    },
  );
}
