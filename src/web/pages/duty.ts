/**
 * @module web/pages/duty
 * `/duty?subject=&country=&date=`: the CLI's `duty` answer for anyone, from the same law engine,
 * with the form filled in again. Input is read as the CLI reads it (any name variant, any code or
 * name of a country, YYYY-MM-DD); what is wrong with it is a 400 page that says so, naming the
 * candidates of an ambiguous name, never a guess.
 */
import { KEPT } from '../response-cache.js';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { dutyToArrest, formatDay } from '../../law/index.js';
import type { Basis, Duty, Registry } from '../../model.js';
import { findCountry, findSubject, isoDate, type Country, type Subject } from '../../registry/index.js';
import type { WebDeps } from '../deps.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { dutyBadge, today } from './parts.js';

const Query = z.object({
  subject: z.string().max(200).optional(),
  country: z.string().max(200).optional(),
  date: z.string().max(40).optional(),
});
export type DutyQuery = z.infer<typeof Query>;

/** The "duty on a date" form, with what was asked before. */
export function dutyForm(q: DutyQuery, date: string): Html {
  return html`<form class="inline duty" method="get" action="/duty" role="search" aria-label="Duty on a date">
    <p><label for="duty-subject">Person</label><input id="duty-subject" name="subject" value="${q.subject ?? ''}" placeholder="putin, Путин" required /></p>
    <p><label for="duty-country">State</label><input id="duty-country" name="country" value="${q.country ?? ''}" placeholder="Mongolia, MN" required /></p>
    <p><label for="duty-date">Day</label><input id="duty-date" name="date" type="date" value="${q.date ?? date}" /></p>
    <p><button type="submit">Must it arrest him?</button></p>
  </form>`;
}

type Resolved<T> = { ok: true; value: T } | { ok: false; problem: Html };

/** The question asked again with one answer changed: a candidate's link. */
type Retry = (patch: DutyQuery) => string;

function subjectOf(reg: Registry, input: string, retry: Retry): Resolved<Subject> {
  const found = findSubject(reg, input);
  const names = (list: Subject[]) =>
    list.map(
      (s) =>
        html`<li><a href="${retry({ subject: s.id })}">${s.name}</a> <span class="muted">(${s.id})</span></li>`,
    );
  if (found.kind === 'found') return { ok: true, value: found.value };
  if (found.kind === 'ambiguous')
    return {
      ok: false,
      problem: html`<p>The name “${input}” fits several persons; give the full name or the id:</p><ul>${names(found.candidates)}</ul>`,
    };
  return {
    ok: false,
    problem: html`<p>No wanted person is known as “${input}”. The nearest names:</p><ul>${names(found.suggestions)}</ul>`,
  };
}

function countryOf(reg: Registry, input: string, retry: Retry): Resolved<Country> {
  const found = findCountry(reg, input);
  const names = (list: Country[]) =>
    list.map(
      (c) =>
        html`<li><a href="${retry({ country: c.iso2 })}">${c.name}</a> <span class="muted">(${c.iso2})</span></li>`,
    );
  if (found.kind === 'found') return { ok: true, value: found.value };
  if (found.kind === 'ambiguous')
    return {
      ok: false,
      problem: html`<p>“${input}” names several states; give the ISO code:</p><ul>${names(found.candidates)}</ul>`,
    };
  return {
    ok: false,
    problem: html`<p>No state is known as “${input}”. The nearest names:</p><ul>${names(found.suggestions)}</ul>`,
  };
}

const GROUND: Record<Basis['ground'], string> = {
  rome_statute_party: 'State Party to the Rome Statute',
  art_12_3: 'Declaration accepting the jurisdiction (art. 12(3))',
  unsc_referral: 'Security Council referral',
  art_127_2_continuing: 'Duty continuing after withdrawal (art. 127(2))',
};

/** The answer as the CLI prints it: the kind, the explanation, the grounds, the state's findings, the caveats. */
export function dutyAnswer(reg: Registry, duty: Duty, todayIs: string): Html {
  const past = [...reg.findings.values()]
    .filter((f) => f.country === duty.iso2 && f.outcome === 'non_compliance')
    .sort((a, b) => a.decided.localeCompare(b.decided));
  return html`<section class="card answer" aria-labelledby="answer">
    <h2 id="answer">${dutyBadge(duty)} ${reg.countryName(duty.iso2)}, ${reg.subjects.get(duty.subjectId)?.name ?? duty.subjectId}, ${formatDay(duty.date)}</h2>
    <p>${duty.explanation}</p>
    ${
      duty.date > todayIs
        ? html`<p class="muted">A projection: this applies the registry as it stands today (${formatDay(todayIs)}) to a later day; a withdrawal, a warrant lifted or a new one may change the answer by then.</p>`
        : ''
    }
    ${
      duty.basis.length
        ? html`<h3>Legal basis</h3><ul>${duty.basis.map((b) => html`<li>${GROUND[b.ground]}: ${b.provisions.join('; ')} <span class="muted">(${b.effect === 'binds' ? 'binding' : 'urging'} since ${formatDay(b.since)}, warrant ${b.warrantId})</span></li>`)}</ul>`
        : ''
    }
    ${
      past.length
        ? html`<h3>This state's record</h3><p>The Court's findings of non-compliance:</p><ul>${past.map((f) => html`<li>${formatDay(f.decided)}: ${f.summary}</li>`)}</ul>`
        : ''
    }
    ${duty.caveats.length ? html`<h3>Caveats</h3><ul>${duty.caveats.map((c) => html`<li>${c.text}</li>`)}</ul>` : ''}
  </section>`;
}

export function dutyRoutes(app: FastifyInstance, deps: WebDeps): void {
  app.get('/duty', KEPT, async (req, reply) => {
    const parsed = Query.safeParse(req.query);
    const q: DutyQuery = parsed.success ? parsed.data : {};
    const todayIs = today(deps.now);
    const page = (status: number, body: Html) =>
      reply
        .code(status)
        .type('text/html; charset=utf-8')
        .send(
          layout({
            title: 'Duty on a date',
            description: 'Must a state arrest a wanted person on a given day, and on what legal basis?',
            section: 'duty',
            main: html`<h1>Duty on a date</h1>
              <p>Must a state arrest a person wanted by the International Criminal Court on a given day? The answer cites the articles of the Rome Statute and the Security Council's resolutions it rests on.</p>
              ${dutyForm(q, todayIs)} ${body}`,
          }).text,
        );
    if (!parsed.success)
      return page(
        400,
        html`<div class="problem" role="alert"><p>The question is too long to be a name, a state or a day.</p></div>`,
      );
    const subjectIn = q.subject?.trim() ?? '';
    const countryIn = q.country?.trim() ?? '';
    if (!subjectIn && !countryIn && !q.date) return page(200, html``);
    const problems: Html[] = [];
    const retry: Retry = (patch) =>
      `/duty?${new URLSearchParams(Object.entries({ ...q, ...patch }).filter((e): e is [string, string] => !!e[1])).toString()}`;
    const subject = subjectIn ? subjectOf(deps.registry, subjectIn, retry) : undefined;
    const country = countryIn ? countryOf(deps.registry, countryIn, retry) : undefined;
    const date = isoDate.safeParse(q.date?.trim() || todayIs);
    if (!subject) problems.push(html`<p>Name the person.</p>`);
    else if (!subject.ok) problems.push(subject.problem);
    if (!country) problems.push(html`<p>Name the state.</p>`);
    else if (!country.ok) problems.push(country.problem);
    if (!date.success)
      problems.push(
        html`<p>“${q.date ?? ''}” is not a day: ${date.error.issues[0]?.message ?? 'invalid'} (for example 2024-09-03).</p>`,
      );
    if (problems.length || !subject?.ok || !country?.ok || !date.success)
      return page(
        400,
        html`<div class="problem" role="alert"><h2>The question cannot be answered as asked</h2>${problems}</div>`,
      );
    const duty = dutyToArrest(deps.registry, subject.value.id, country.value.iso2, date.data);
    return page(200, dutyAnswer(deps.registry, duty, todayIs));
  });
}
