/**
 * @module web/account/render
 * The page of a user's webhooks: each with its latest deliveries, the add form, the secret of one
 * just added with how a receiver checks a signature, and, for a moderator, everyone else's. Pure:
 * data in, escaped markup out.
 */
import { ALERT_HEADLINES } from '../../alerts/index.js';
import type { Registry } from '../../registry/index.js';
import type { Delivery, StoredAlert, User } from '../../store/index.js';
import { html, type Html } from '../html.js';
import { tripHref } from '../pages/parts.js';
import { KIND_LABELS, KINDS } from './form.js';
import { MAX_WEBHOOKS_PER_USER, type AccountWebhooks, type WebhookView } from './service.js';

export interface AccountPageParts {
  user: User;
  registry: Registry;
  webhooks: AccountWebhooks;
  csrf: string;
  /** Plain http URLs are accepted (a development site, itself served over http). */
  httpAllowed: boolean;
  /** Just added: its id and secret, shown this once. */
  created?: { id: string; secret: string };
  /** Why the last form was refused, and what was typed in it. */
  problem?: { message: string; url: string };
}

/** "2026-12-04 12:00 UTC": stored times are ISO UTC. */
const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

const shortError = (e: string) => (e.length > 120 ? `${e.slice(0, 119)}…` : e);

function status(d: Delivery): string {
  if (d.state === 'delivered') return `delivered ${when(d.deliveredAt ?? d.nextAttemptAt)}`;
  if (d.state === 'dead') return 'given up';
  return d.attempts ? `failing, next try ${when(d.nextAttemptAt)}` : 'waiting to be sent';
}

function deliveryRow(reg: Registry, d: Delivery & { alert: StoredAlert }): Html {
  const a = d.alert;
  const headline = ALERT_HEADLINES[a.kind](
    reg.subjects.get(a.subjectId)?.name ?? a.subjectId,
    reg.countryName(a.countryIso2),
  );
  return html`<tr class="${d.state === 'delivered' ? 'ok' : d.attempts ? 'failing' : ''}">
    <td data-label="Alert"><a href="${tripHref(a.tripId)}">${headline}</a><br /><span class="muted">${when(a.createdAt)}</span></td>
    <td data-label="Status">${status(d)}</td>
    <td data-label="Attempts">${d.attempts}</td>
    <td data-label="Last error">${d.lastError ? shortError(d.lastError) : ''}</td>
  </tr>`;
}

function deliveries(reg: Registry, v: WebhookView): Html {
  if (!v.deliveries.length)
    return html`<p class="muted">No deliveries yet: one is sent with each new alert of its kinds.</p>`;
  return html`<div class="table-wrap"><table class="deliveries">
    <caption>Latest deliveries</caption>
    <thead><tr><th scope="col">Alert</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last error</th></tr></thead>
    <tbody>${v.deliveries.map((d) => deliveryRow(reg, d))}</tbody>
  </table></div>`;
}

function webhookCard(p: AccountPageParts, v: WebhookView, removable: boolean): Html {
  const kinds = v.hook.kinds?.map((k) => KIND_LABELS[k]).join(', ') ?? 'every kind of alert';
  return html`<article class="card webhook" id="webhook-${v.hook.id}">
    <h3 class="webhook-url">${v.hook.url}</h3>
    <p>${kinds} · added ${when(v.hook.createdAt)}${removable ? '' : html` by ${v.owner}`}</p>
    ${deliveries(p.registry, v)}
    ${
      removable
        ? html`<form method="post" action="/account/webhooks/${encodeURIComponent(v.hook.id)}/remove">
            <input type="hidden" name="_csrf" value="${p.csrf}" />
            <button type="submit" class="danger">Remove this webhook</button>
          </form>`
        : ''
    }
  </article>`;
}

/** How a receiver checks a delivery: alerts/webhook.ts signs "id.timestamp.body" so. */
const VERIFY_EXAMPLE = `import { createHmac, timingSafeEqual } from 'node:crypto';

// SECRET: the secret above, as text. rawBody: the request body exactly as it arrived.
function verified(headers, rawBody, nowSeconds = Math.floor(Date.now() / 1000)) {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  if (Math.abs(nowSeconds - Number(timestamp)) > 300) return false; // a replay
  const expected = createHmac('sha256', SECRET)
    .update(\`\${id}.\${timestamp}.\${rawBody}\`)
    .digest('base64');
  return headers['webhook-signature'].split(' ').some((s) => {
    const [version, sig = ''] = s.split(',');
    return version === 'v1' && sig.length === expected.length &&
      timingSafeEqual(Buffer.from(sig), Buffer.from(expected));
  });
}`;

function createdNotice(created: { id: string; secret: string }): Html {
  return html`<section class="secret" aria-labelledby="secret-title" role="status">
    <h2 id="secret-title">Webhook added: copy its signing secret now</h2>
    <p>This is the only time it is shown. If you lose it, remove the webhook and add it again.</p>
    <p><label for="secret-value">Signing secret</label><input id="secret-value" class="secret-value" readonly value="${created.secret}" /></p>
    <p>Every delivery is a POST of the alert as JSON with the headers <code>webhook-id</code> (the same on
      every retry: drop a repeat), <code>webhook-timestamp</code> (seconds), <code>webhook-signature</code>
      (<code>v1,</code> and the base64 HMAC-SHA256 of <code>id.timestamp.body</code> under the secret) and
      <code>x-warrant-watch-event</code> (the alert kind). Answer with a 2xx; anything else is retried later,
      for up to a day. To check the signature in Node.js:</p>
    <pre tabindex="0" aria-label="Checking a signature in Node.js"><code>${VERIFY_EXAMPLE}</code></pre>
  </section>`;
}

function addForm(p: AccountPageParts, full: boolean): Html {
  if (full)
    return html`<p>You hold ${MAX_WEBHOOKS_PER_USER} webhooks, as many as an account may. Remove one to add another.</p>`;
  return html`<form method="post" action="/account/webhooks" class="webhook-form">
    <input type="hidden" name="_csrf" value="${p.csrf}" />
    <p><label for="w-url">Receiver URL</label>
      <input id="w-url" name="url" type="url" required maxlength="2000" inputmode="url"
        placeholder="https://hooks.example.org/warrant-watch" value="${p.problem?.url ?? ''}" aria-describedby="w-url-help" /></p>
    <p id="w-url-help" class="muted">${p.httpAllowed ? 'http or https' : 'https only'}; public addresses only (no
      loopback, private or link-local networks).</p>
    <fieldset>
      <legend>Alert kinds (none ticked: every kind)</legend>
      ${KINDS.map(
        (k) =>
          html`<label class="check"><input type="checkbox" name="kinds" value="${k}" /> ${KIND_LABELS[k]}</label>`,
      )}
    </fieldset>
    <p><button type="submit">Add webhook</button></p>
  </form>`;
}

export function accountPage(p: AccountPageParts): Html {
  const { own, others } = p.webhooks;
  const moderator = p.user.role === 'moderator';
  return html`<div class="account"><h1>Your webhooks</h1>
    <form method="post" action="/signout" class="signed-in">
      <input type="hidden" name="_csrf" value="${p.csrf}" />
      Signed in as ${p.user.email} (${p.user.role}). <button type="submit">Sign out</button>
    </form>
    <p>Each new alert is sent at once, signed, to each of your webhooks that wants its kind. ${
      moderator
        ? 'As a moderator you also see everyone else’s webhooks, below; only their owners remove them.'
        : 'Only you see your webhooks here; moderators can see every webhook.'
    }</p>
    ${p.created ? createdNotice(p.created) : ''}
    ${p.problem ? html`<p class="error" role="alert">${p.problem.message}</p>` : ''}
    <h2>Yours (${own.length} of ${MAX_WEBHOOKS_PER_USER})</h2>
    ${own.length ? own.map((v) => webhookCard(p, v, true)) : html`<p>None yet.</p>`}
    <h2>Add a webhook</h2>
    ${addForm(p, own.length >= MAX_WEBHOOKS_PER_USER)}
    ${
      moderator
        ? html`<h2>Everyone else’s (${others.length})</h2>
          ${others.length ? others.map((v) => webhookCard(p, v, false)) : html`<p>None.</p>`}`
        : ''
    }</div>`;
}
