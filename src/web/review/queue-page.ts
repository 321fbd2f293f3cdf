/**
 * @module web/review/queue-page
 * The review queue as HTML (pure): the filter form (person, review state, trip status), the count,
 * one card per trip (person, host, days, status, sources, confidence, its open suggested
 * corrections with their text and source) linking to its review page, and the pages before and after.
 */
import type { TripRecordStatus } from '../../events/index.js';
import type { Comment } from '../../store/index.js';
import type { Registry } from '../../model.js';
import { commentBody } from '../comments/render.js';
import { html, safeUrl, type Html } from '../html.js';
import { STATUS_WORDS, tripDays, tripHref } from '../pages/parts.js';
import { STATUSES } from './forms.js';
import { REVIEW_PATH, reviewHref } from './href.js';
import { QUEUE_STATES, type QueueEntry, type QueueFilter, type QueueState } from './queue.js';

export const STATE_WORDS: Record<QueueState, string> = {
  open: 'waiting for an analyst',
  unreviewed: 'not reviewed yet',
  confirmed: 'confirmed',
  edited: 'edited',
  rejected: 'rejected',
  merged: 'merged into another',
  all: 'all',
};

export interface QueuePageParts {
  reg: Registry;
  filter: QueueFilter;
  /** This page's entries, and how many there are in all. */
  entries: readonly QueueEntry[];
  total: number;
  page: number;
  pages: number;
  perPage: number;
  /** The store's cap on the trips read: the queue may not hold older ones. */
  capped?: number;
  signedIn: Html;
}

/** "1 source", "3 sources". */
export const sourcesWords = (n: number) => `${n} ${n === 1 ? 'source' : 'sources'}`;

export const reviewState = (t: QueueEntry['trip']) =>
  t.review ? STATE_WORDS[t.review.state] : t.curated ? 'curated (registry)' : STATE_WORDS.unreviewed;

export function correctionItem(c: Comment): Html {
  return html`<li>
    <p class="muted">Suggested by ${c.name} · ${c.createdAt.slice(0, 16).replace('T', ' ')} UTC</p>
    ${commentBody(c.body)}
    ${c.sourceUrl ? html`<p>Source: <a href="${safeUrl(c.sourceUrl)}" rel="nofollow ugc">${c.sourceUrl}</a></p>` : ''}
  </li>`;
}

function entry(reg: Registry, e: QueueEntry): Html {
  const t = e.trip;
  const who = reg.subjects.get(t.subjectId)?.name ?? t.subjectId;
  return html`<li class="card review-item">
    <h3><a href="${reviewHref(t.id)}">${who} in ${reg.countryName(t.countryIso2)}${t.city ? `, ${t.city}` : ''}</a></h3>
    <p>${tripDays(t)} · <strong>${STATUS_WORDS[t.status]}</strong> · ${sourcesWords(e.sources)} · confidence ${Math.round(t.confidence * 100)}%${t.contradictions.length ? ' · sources disagree' : ''} · ${reviewState(t)}</p>
    ${
      e.corrections.length
        ? html`<p><strong>${e.corrections.length} open suggested ${e.corrections.length === 1 ? 'correction' : 'corrections'}</strong></p>
          <ul class="corrections">${e.corrections.map(correctionItem)}</ul>`
        : ''
    }
    <p class="muted"><a href="${reviewHref(t.id)}">Review</a> · <a href="${tripHref(t.id)}">public page</a></p>
  </li>`;
}

const option = (value: string, label: string, chosen: string | undefined) =>
  html`<option value="${value}" ${value === (chosen ?? '') ? html`selected` : ''}>${label}</option>`;

function filterForm(reg: Registry, f: QueueFilter): Html {
  const people = [...reg.subjects.values()].sort((a, b) => a.name.localeCompare(b.name));
  return html`<form method="get" action="${REVIEW_PATH}" class="inline review-filter">
    <p><label for="r-subject">Person</label>
      <select id="r-subject" name="subject">${option('', 'everyone', f.subjectId)}${people.map((s) => option(s.id, s.name, f.subjectId))}</select></p>
    <p><label for="r-state">Review</label>
      <select id="r-state" name="state">${QUEUE_STATES.map((s) => option(s, STATE_WORDS[s], f.state))}</select></p>
    <p><label for="r-status">Status</label>
      <select id="r-status" name="status">${option('', 'any', f.status)}${STATUSES.map((s: TripRecordStatus) => option(s, STATUS_WORDS[s], f.status))}</select></p>
    <p><button type="submit">Show</button></p>
  </form>`;
}

/** The queue's own address with the filter and a page: built from validated values only. */
export function queueHref(f: QueueFilter, page: number): string {
  const q = new URLSearchParams();
  if (f.subjectId) q.set('subject', f.subjectId);
  if (f.state !== 'open') q.set('state', f.state);
  if (f.status) q.set('status', f.status);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `${REVIEW_PATH}?${s}` : REVIEW_PATH;
}

function pager(p: QueuePageParts): Html {
  if (p.pages <= 1) return html``;
  return html`<nav aria-label="Pages of the queue" class="pager"><p>
    ${p.page > 1 ? html`<a href="${queueHref(p.filter, p.page - 1)}" rel="prev">Previous page</a>` : ''}
    Page ${p.page} of ${p.pages}
    ${p.page < p.pages ? html`<a href="${queueHref(p.filter, p.page + 1)}" rel="next">Next page</a>` : ''}
  </p></nav>`;
}

export function queuePage(p: QueuePageParts): Html {
  const first = p.total ? (p.page - 1) * p.perPage + 1 : 0;
  const last = first ? first + p.entries.length - 1 : 0;
  const count =
    p.filter.state === 'open'
      ? `${p.total} ${p.total === 1 ? 'trip waits' : 'trips wait'} for an analyst`
      : `${p.total} ${p.total === 1 ? 'trip' : 'trips'} ${STATE_WORDS[p.filter.state] === 'all' ? 'in all' : STATE_WORDS[p.filter.state]}`;
  return html`<h1>Review queue</h1>
    ${p.signedIn}
    <p>The machine's trips no analyst has decided on, and those with an open suggested correction:
      planned or under way first, then those with a correction, then the fewest sources and the
      lowest confidence.</p>
    ${filterForm(p.reg, p.filter)}
    <h2>${count}${p.total > p.entries.length ? ` (${first}–${last} shown)` : ''}</h2>
    ${p.capped ? html`<p class="muted">Only the ${p.capped} most recently reported trips are looked at; choose a person to see all of his.</p>` : ''}
    ${p.entries.length ? html`<ol class="review-queue" start="${first}">${p.entries.map((e) => entry(p.reg, e))}</ol>` : html`<p class="muted">None.</p>`}
    ${pager(p)}`;
}
