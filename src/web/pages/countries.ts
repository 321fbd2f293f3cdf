/**
 * @module web/pages/countries
 * `/countries`: the States Parties (and those that left) with where each stands today, and every
 * other state. `/countries/<ISO2>`: its membership history with dates and sources, the persons it
 * must arrest today, and its record: each wanted person it hosted, what it did, and the Court's
 * findings beside each visit.
 */
import { KEPT } from '../response-cache.js';
import type { FastifyInstance } from 'fastify';
import { ledgerOf, type LedgerEntry } from '../../events/index.js';
import { dutyToArrest, membershipOn, withdrawalEffective } from '../../law/index.js';
import type { Duty, Membership, Registry } from '../../model.js';
import type { WebDeps } from '../deps.js';
import { feedAlternates } from '../feeds.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { PageNotFoundError } from './errors.js';
import { findingItem, findingList } from './findings.js';
import {
  countryHref,
  day,
  dutyBadge,
  basisWords,
  listOr,
  OUTCOME_WORDS,
  sourceLinks,
  words,
  personLink,
  today,
  tripDays,
  tripHref,
} from './parts.js';

const VERDICT: Record<LedgerEntry['verdict'], string> = {
  failed_to_arrest: 'bound to arrest, did not',
  arrested: 'arrested',
  deterred: 'the visit was called off or held by video',
  pending: 'not yet known',
  no_binding_duty: 'no binding duty',
};

const sources = (urls: readonly string[]) =>
  urls.length ? html` <span class="muted">Sources: ${sourceLinks(urls)}.</span>` : '';

function membershipHistory(reg: Registry, iso2: string, m: Membership | undefined, todayIs: string): Html {
  const declarations = reg.declarations.filter((d) => d.iso2 === iso2);
  const referrals = reg.referrals.filter((r) => r.binds.includes(iso2));
  const events: Html[] = [];
  if (m) {
    if (m.signed) events.push(html`<li>${day(m.signed)}: signed the Rome Statute</li>`);
    events.push(html`<li>${day(m.deposited)}: deposited its instrument of ${m.instrument}</li>`);
    events.push(html`<li>${day(m.entryIntoForce)}: the Statute entered into force for it (art. 126)</li>`);
    const w = m.withdrawal;
    if (w?.announced) events.push(html`<li>${day(w.announced)}: announced its withdrawal</li>`);
    if (w?.notified)
      events.push(
        html`<li>${day(w.notified)}: notified its withdrawal to the UN Secretary-General (art. 127(1))</li>`,
      );
    if (w?.revoked) events.push(html`<li>${day(w.revoked)}: revoked its withdrawal</li>`);
    const effective = withdrawalEffective(m);
    if (effective)
      events.push(
        html`<li>${day(effective)}: its withdrawal ${effective <= todayIs ? 'took' : 'takes'} effect (art. 127(1))</li>`,
      );
  }
  for (const d of declarations)
    events.push(
      html`<li>${day(d.lodged)}: lodged an art. 12(3) declaration${d.accepted ? '' : ' (found unable to found jurisdiction)'}${sources(d.sources)}</li>`,
    );
  for (const r of referrals)
    events.push(
      html`<li>${day(r.adopted)}: bound to cooperate by ${r.resolution} (${reg.situations.get(r.situation)?.name ?? r.situation})${sources(r.sources)}</li>`,
    );
  return html`${listOr(events, `${reg.countryName(iso2)} has never joined the Rome Statute, lodged no art. 12(3) declaration, and no Security Council resolution binds it.`, 'membership')}
    ${m?.territorialScope ? html`<p><strong>Territorial scope:</strong> ${m.territorialScope}</p>` : ''}
    ${m ? html`<p class="muted">Checked: ${words(m.confidence)}.${sources(m.sources)}</p>` : ''}`;
}

function statusToday(m: Membership | undefined, date: string): string {
  const on = membershipOn(m, date);
  switch (on.status) {
    case 'never':
      return 'not a party';
    case 'not_yet':
      return `party from ${day(on.entryIntoForce)}`;
    case 'withdrawn':
      return `withdrew, effective ${day(on.effective)}`;
    case 'party':
      return on.withdrawal && !on.withdrawal.revoked
        ? `party, leaving${on.withdrawal.effective ? ` on ${day(on.withdrawal.effective)}` : ''}`
        : 'party';
  }
}

/** The persons a state must arrest today, and those it is only urged to, each with the grounds. */
function dutiesToday(reg: Registry, name: string, duties: readonly Duty[]): Html {
  const of = (kind: Duty['kind']) => duties.filter((d) => d.kind === kind);
  const group = (list: readonly Duty[], lead: string) =>
    list.length
      ? html`<p>${dutyBadge(list[0]!)} ${lead} (${list.length}), under ${[...new Set(list.map(basisWords))].join(' / ')}:</p>
          <ul class="states">${list.map((d) => html`<li>${personLink(reg, d.subjectId)}</li>`)}</ul>`
      : '';
  const binding = of('binding');
  return html`${binding.length ? group(binding, 'It must arrest') : html`<p>${name} is bound to arrest no wanted person today.</p>`}
    ${group(of('urged'), 'The Security Council urges it, without binding it, to cooperate in the arrest of')}`;
}

export function countryRoutes(app: FastifyInstance, deps: WebDeps): void {
  const reg = deps.registry;

  app.get('/countries', KEPT, async (_req, reply) => {
    const todayIs = today(deps.now);
    const members = [...reg.memberships.values()].sort((a, b) =>
      reg.countryName(a.iso2).localeCompare(reg.countryName(b.iso2)),
    );
    const rows = members.map(
      (m) =>
        html`<tr><td><a href="${countryHref(m.iso2)}">${reg.countryName(m.iso2)}</a></td><td class="day">${day(m.entryIntoForce)}</td><td>${statusToday(m, todayIs)}</td></tr>`,
    );
    const others = reg.countries
      .filter((c) => !reg.memberships.has(c.iso2))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((c) => html`<li><a href="${countryHref(c.iso2)}">${c.name}</a></li>`);
    const main = html`<h1>Countries</h1>
      <h2>States that joined the Rome Statute</h2>
      <div class="table-wrap"><table><thead><tr><th scope="col">State</th><th scope="col">In force since</th><th scope="col">Today (${day(todayIs)})</th></tr></thead><tbody>${rows}</tbody></table></div>
      <h2>Every other state</h2>
      <p>Not parties to the Statute; some are bound all the same by a declaration or a Security Council resolution, as each page says.</p>
      <ul class="columns-list">${others}</ul>`;
    return reply
      .type('text/html; charset=utf-8')
      .send(layout({ title: 'Countries', section: 'countries', main }).text);
  });

  app.get<{ Params: { iso2: string } }>('/countries/:iso2', KEPT, async (req, reply) => {
    const code = req.params.iso2;
    const country = reg.countryByIso2.get(code.toUpperCase());
    if (!country) throw new PageNotFoundError(`No country has the ISO code “${code}”.`);
    if (code !== country.iso2) return reply.redirect(countryHref(country.iso2), 301);
    const todayIs = today(deps.now);
    const membership = reg.memberships.get(country.iso2);
    const duties = [...reg.warrantsBySubject.keys()]
      .map((id) => dutyToArrest(reg, id, country.iso2, todayIs))
      .filter((d) => d.kind !== 'none')
      .sort((a, b) =>
        (reg.subjects.get(a.subjectId)?.name ?? '').localeCompare(reg.subjects.get(b.subjectId)?.name ?? ''),
      );
    const trips = await deps.store.listTrips({ countryIso2: country.iso2 });
    const ledger = ledgerOf(reg, trips, { countryIso2: country.iso2 });
    const beside = new Set(ledger.entries.flatMap((e) => e.findings.map((f) => f.id)));
    const unlinked = ledger.findings.filter((f) => !beside.has(f.id));
    const record = ledger.entries.map(
      (e) => html`<li class="card">
        ${personLink(reg, e.trip.subjectId)}, <a href="${tripHref(e.trip.id)}">${tripDays(e.trip)}</a>: ${dutyBadge(e.duty)}
        ${VERDICT[e.verdict]} <span class="muted">(outcome: ${OUTCOME_WORDS[e.outcome]})</span>
        ${e.findings.length ? html`<ul class="findings">${e.findings.map((f) => findingItem(reg, f))}</ul>` : ''}
      </li>`,
    );
    const main = html`<h1>${country.name}</h1>
      <p>Today (${day(todayIs)}): ${statusToday(membership, todayIs)}.</p>
      <h2>Membership of the Rome Statute</h2>
      ${membershipHistory(reg, country.iso2, membership, todayIs)}
      <h2>Whom it must arrest today</h2>
      ${dutiesToday(reg, country.name, duties)}
      <h2>Its record</h2>
      ${listOr(record, 'No wanted person is known to have visited or planned to visit it.', 'record')}
      <h2>The Court's other findings</h2>
      ${findingList(reg, unlinked, 'None: every finding of the Court about it is beside its visit above.')}`;
    return reply.type('text/html; charset=utf-8').send(
      layout({
        title: country.name,
        description: `${country.name}: membership of the Rome Statute, the duty to arrest, and its record.`,
        section: 'countries',
        alternates: await feedAlternates(deps, 'country', country.iso2, country.name),
        main,
      }).text,
    );
  });
}
