/**
 * @module web/review/trip-page
 * One trip's review page as HTML (pure): the trip, its open suggested corrections, its evidence
 * (the quoted words with links to the articles), a form per decision (confirm, reject, edit,
 * merge into another trip of the person in that state, split off some of its articles), each with
 * a reason, and its audit trail in words. A trip rejected or merged takes no further decision.
 */
import type { TripEvidence, TripRecord } from '../../events/index.js';
import type { Comment } from '../../store/index.js';
import type { Registry } from '../../model.js';
import { html, safeUrl, type Html } from '../html.js';
import { day, sourceLink, STATUS_WORDS, tripDays, tripHref } from '../pages/parts.js';
import type { AuditSummary, TripChange } from './audit.js';
import { STATUSES, WHY_MAX, type Action } from './forms.js';
import { REVIEW_PATH, reviewHref } from './href.js';
import { correctionItem, reviewState, sourcesWords } from './queue-page.js';
import { sourceCount } from './queue.js';

export interface TripPageParts {
  reg: Registry;
  trip: TripRecord;
  /** The person's other trips to the same state still in the record: what it may be merged into. */
  siblings: readonly TripRecord[];
  corrections: readonly Comment[];
  audit: readonly AuditSummary[];
  csrf: string;
  signedIn: Html;
}

const when = (iso: string) => html`<time datetime="${iso}">${iso.slice(0, 16).replace('T', ' ')} UTC</time>`;

function evidenceItem(e: TripEvidence): Html {
  return html`<li>
    <strong>${STATUS_WORDS[e.status]}</strong>, ${sourceLink(e.url)}, published ${day(e.published)}
    <blockquote cite="${safeUrl(e.url)}">${e.quote}</blockquote>
    <p class="muted">Article ${e.articleId}${e.moved ? '' : ' · repeated or disputed the status'}</p>
  </li>`;
}

const tripLabel = (t: TripRecord) =>
  `${tripDays(t)}, ${STATUS_WORDS[t.status]}${t.city ? `, ${t.city}` : ''} (${sourcesWords(sourceCount(t))}; ${t.id})`;

/** A decision's form: the fields, a reason, the button. Posts to a path of this site only. */
function decisionForm(
  tripId: string,
  a: Action,
  p: { csrf: string; title: string; help: string; button: string; fields?: Html },
): Html {
  return html`<section class="card review-action" aria-labelledby="h-${a}">
    <h3 id="h-${a}">${p.title}</h3>
    <p class="muted">${p.help}</p>
    <form method="post" action="${reviewHref(tripId)}/${a}">
      <input type="hidden" name="_csrf" value="${p.csrf}" />
      ${p.fields ?? ''}
      <p><label for="why-${a}">Why (kept in the audit trail)</label>
        <textarea id="why-${a}" name="why" maxlength="${WHY_MAX}" rows="2"></textarea></p>
      <p><button type="submit">${p.button}</button></p>
    </form>
  </section>`;
}

function editFields(t: TripRecord): Html {
  return html`<div class="review-fields">
    <p><label for="e-status">Status</label>
      <select id="e-status" name="status">${STATUSES.map((s) => html`<option value="${s}" ${s === t.status ? html`selected` : ''}>${STATUS_WORDS[s]}</option>`)}</select></p>
    <p><label for="e-start">First day</label><input id="e-start" name="start" type="date" value="${t.start ?? ''}" /></p>
    <p><label for="e-end">Last day</label><input id="e-end" name="end" type="date" value="${t.end ?? ''}" /></p>
    <p><label for="e-city">City</label><input id="e-city" name="city" maxlength="200" value="${t.city ?? ''}" /></p>
  </div>`;
}

function splitFields(t: TripRecord): Html {
  const articles = [...new Map(t.evidence.map((e) => [e.articleId, e])).values()];
  return html`<fieldset><legend>The articles of the other journey</legend>
    ${articles.map(
      (
        e,
        i,
      ) => html`<p class="check"><input type="checkbox" id="s-${i}" name="articles" value="${e.articleId}" />
        <label for="s-${i}">${e.articleId}: published ${day(e.published)}, ${STATUS_WORDS[e.status]} — “${e.quote.length > 120 ? `${e.quote.slice(0, 119)}…` : e.quote}”</label></p>`,
    )}
  </fieldset>`;
}

function decisions(p: TripPageParts): Html {
  const t = p.trip;
  const who = p.reg.subjects.get(t.subjectId)?.name ?? t.subjectId;
  const articles = new Set(t.evidence.map((e) => e.articleId)).size;
  const { csrf } = p;
  return html`<h2>Decide</h2>
    <div class="review-actions">
    ${decisionForm(t.id, 'confirm', { csrf, title: 'Confirm', button: 'Confirm the trip', help: 'The trip is right as it stands: its status, days and city hold against later news.' })}
    ${decisionForm(t.id, 'reject', { csrf, title: 'Reject', button: 'Reject the trip', help: 'The news does not bear the trip out: it leaves the record (kept, superseded) and raises no alert.' })}
    ${
      t.curated
        ? html`<p class="muted">A curated trip is edited in data/registry/trips.yaml, not here.</p>`
        : decisionForm(t.id, 'edit', {
            csrf,
            title: 'Edit',
            button: 'Save the changes',
            help: 'Change what is wrong; an emptied day or city is cleared. What you set holds against later news.',
            fields: editFields(t),
          })
    }
    ${
      p.siblings.length
        ? decisionForm(t.id, 'merge', {
            csrf,
            title: 'Merge',
            button: 'Merge into the chosen trip',
            help: `This is the same journey as another trip of ${who} to ${p.reg.countryName(t.countryIso2)}: its evidence joins that one.`,
            fields: html`<p><label for="m-into">Merge into</label>
              <select id="m-into" name="into" required>${p.siblings.map((s) => html`<option value="${s.id}">${tripLabel(s)}</option>`)}</select></p>`,
          })
        : html`<p class="muted">No other trip of ${who} to ${p.reg.countryName(t.countryIso2)} to merge with (only those can be).</p>`
    }
    ${
      articles > 1
        ? decisionForm(t.id, 'split', {
            csrf,
            title: 'Split',
            button: 'Split off the ticked articles',
            help: 'Some articles tell another journey: tick them (some, not all); they become a trip of their own.',
            fields: splitFields(t),
          })
        : html`<p class="muted">One article only: nothing to split.</p>`
    }
    </div>`;
}

function changeItem(c: TripChange): Html {
  const link = html`<a href="${reviewHref(c.tripId)}">${c.tripId}</a>`;
  if (c.kind === 'gone') return html`<li>${link}: no longer among the trips</li>`;
  if (c.kind === 'new')
    return html`<li>${link}, a new trip: ${c.changes.map((f) => `${f.field} ${f.to}`).join('; ')}</li>`;
  if (!c.changes.length) return html`<li>${link}: unchanged</li>`;
  return html`<li>${link}: ${c.changes.map((f, i) => html`${i ? '; ' : ''}${f.field} <del>${f.from}</del> → <ins>${f.to}</ins>`)}</li>`;
}

function auditItem(a: AuditSummary): Html {
  return html`<li>
    <p><strong>${a.action}</strong> by ${a.actor} · ${when(a.at)}</p>
    <p>${a.why ? html`Why: ${a.why}` : html`<span class="muted">No reason given.</span>`}</p>
    ${a.trips ? html`<ul class="audit-changes">${a.trips.map(changeItem)}</ul>` : html`<p class="muted">The trips before and after could not be read.</p>`}
  </li>`;
}

function superseded(t: TripRecord): Html {
  const r = t.review!;
  if (r.state === 'merged')
    return html`<p class="problem">Merged into <a href="${reviewHref(r.into)}">${r.into}</a> by ${r.by} on ${day(r.at)}: no further decision is taken on this trip.</p>`;
  return html`<p class="problem">Rejected by ${r.by} on ${day(r.at)}: no further decision is taken on this trip.</p>`;
}

export function tripPage(p: TripPageParts): Html {
  const { reg, trip: t } = p;
  const who = reg.subjects.get(t.subjectId)?.name ?? t.subjectId;
  const done = t.review?.state === 'rejected' || t.review?.state === 'merged';
  return html`<p><a href="${REVIEW_PATH}">← Review queue</a></p>
    <h1>Review: ${who} in ${reg.countryName(t.countryIso2)}${t.city ? `, ${t.city}` : ''}</h1>
    ${p.signedIn}
    <p>${tripDays(t)} · <strong>${STATUS_WORDS[t.status]}</strong> · ${sourcesWords(sourceCount(t))} · confidence ${Math.round(t.confidence * 100)}% · ${reviewState(t)}${t.review ? ` by ${t.review.by} on ${day(t.review.at)}` : ''}</p>
    <p class="muted">Trip ${t.id} · <a href="${tripHref(t.id)}">public page</a></p>
    ${done ? superseded(t) : ''}
    ${p.corrections.length ? html`<h2>Open suggested corrections (${p.corrections.length})</h2><ul class="corrections">${p.corrections.map(correctionItem)}</ul>` : ''}
    ${t.contradictions.length ? html`<h2>Where the sources disagree</h2><ul>${t.contradictions.map((c) => html`<li>${c.field}: ${c.values.map((v) => v.value).join(' or ')}</li>`)}</ul>` : ''}
    <h2>Evidence (${t.evidence.length})</h2>
    ${t.evidence.length ? html`<ul class="evidence">${t.evidence.map(evidenceItem)}</ul>` : html`<p class="muted">No news report yet: the trip is known from the registry.</p>`}
    ${done ? '' : decisions(p)}
    <h2>Audit trail (${p.audit.length})</h2>
    ${p.audit.length ? html`<ol class="audit">${p.audit.map(auditItem)}</ol>` : html`<p class="muted">No decision has been taken on this trip.</p>`}`;
}
