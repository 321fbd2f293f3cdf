/**
 * @module web/comments/render
 * Comments as HTML: plain text in paragraphs, http(s) links made clickable with rel="nofollow ugc"
 * and nothing else (no markup from the author ever survives: the `html` tag escapes it), threads
 * nested under their parents, and the form. No avatar, no hash of the address: the e-mail is not
 * in anything rendered here, it is not even passed in (nor the one kept for reply e-mails).
 */
import type { Comment } from '../../store/index.js';
import { html, type Html } from '../html.js';
import { linkRuns } from './policy.js';

/** A comment's text: paragraphs at blank lines, line breaks kept, links safe. */
export function commentBody(text: string): Html {
  return html`${text
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map(
      (p) =>
        html`<p>${p
          .split('\n')
          .map(
            (line, i) =>
              html`${i ? html`<br />` : ''}${linkRuns(line).map((r) => (r.href ? html`<a href="${r.href}" rel="nofollow ugc">${r.text}</a>` : r.text))}`,
          )}</p>`,
    )}`;
}

const when = (iso: string) => html`<time datetime="${iso}">${iso.slice(0, 16).replace('T', ' ')} UTC</time>`;

function author(c: Comment): Html {
  if (c.state === 'deleted') return html`<span class="comment-deleted">deleted</span>`;
  return c.website ? html`<a href="${c.website}" rel="nofollow ugc">${c.name}</a>` : html`${c.name}`;
}

function oneComment(c: Comment, children: Map<string, Comment[]>, replyHref: (id: string) => string): Html {
  const replies = children.get(c.id) ?? [];
  return html`<li class="comment" id="comment-${c.id}">
    <article>
      <header class="comment-meta">${author(c)} · ${when(c.createdAt)}${
        c.kind === 'correction' ? html` · <strong>suggested correction</strong>` : ''
      }</header>
      ${c.state === 'deleted' ? html`<p class="comment-deleted">The author deleted this comment.</p>` : commentBody(c.body)}
      ${
        c.sourceUrl && c.state !== 'deleted'
          ? html`<p>Source: <a href="${c.sourceUrl}" rel="nofollow ugc">${c.sourceUrl}</a></p>`
          : ''
      }
      ${c.state === 'published' ? html`<p><a href="${replyHref(c.id)}">Reply</a></p>` : ''}
    </article>
    ${replies.length ? html`<ol class="comment-replies">${replies.map((r) => oneComment(r, children, replyHref))}</ol>` : ''}
  </li>`;
}

/** Published (and deleted, for their replies) comments as a thread; roots in time order. */
export function commentThread(comments: readonly Comment[], replyHref: (id: string) => string): Html {
  const ids = new Set(comments.map((c) => c.id));
  const children = new Map<string, Comment[]>();
  const roots: Comment[] = [];
  for (const c of comments) {
    if (c.parentId && ids.has(c.parentId)) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
    else roots.push(c);
  }
  return roots.length
    ? html`<ol class="comment-list">${roots.map((c) => oneComment(c, children, replyHref))}</ol>`
    : html`<p>No comments yet.</p>`;
}

export interface CommentFormParts {
  /** Where the form posts: /trips/<id>/comments. */
  action: string;
  csrfToken: string;
  /** The comment being answered. */
  replyTo?: Comment;
  /** The trip waits for a moderator for everyone. */
  premoderated?: boolean;
  /** Offer "Email me when someone replies" (an SMTP server is configured). */
  replyMail?: boolean;
}

export function commentForm(p: CommentFormParts): Html {
  return html`<form class="comment-form" id="comment-form" method="post" action="${p.action}">
    <h3>${p.replyTo ? html`Reply to ${p.replyTo.name}` : 'Leave a comment'}</h3>
    <p>Your email address will not be published. Required fields are marked *</p>
    ${p.premoderated ? html`<p>Comments on this trip are read by a moderator before they appear.</p>` : ''}
    <input type="hidden" name="_csrf" value="${p.csrfToken}" />
    ${p.replyTo ? html`<input type="hidden" name="parent_id" value="${p.replyTo.id}" />` : ''}
    <p><label for="c-body">Comment *</label><br />
      <textarea id="c-body" name="body" rows="6" maxlength="4000" required></textarea></p>
    <p><label for="c-name">Name *</label><br />
      <input id="c-name" name="name" maxlength="80" required autocomplete="name" /></p>
    <p><label for="c-email">Email *</label><br />
      <input id="c-email" name="email" type="email" maxlength="254" required autocomplete="email" /></p>
    <p><label for="c-website">Website</label><br />
      <input id="c-website" name="website" type="url" maxlength="500" autocomplete="url" /></p>
    ${
      p.replyMail
        ? html`<p><input id="c-notify" name="notify_replies" type="checkbox" value="1" />
        <label for="c-notify">Email me when someone replies</label><br />
        <small>Only then is your address kept, encrypted, until you unsubscribe with the link in the e-mail.</small></p>`
        : ''
    }
    <p class="hp" aria-hidden="true"><label for="c-homepage">Leave this empty</label>
      <input id="c-homepage" name="homepage" tabindex="-1" autocomplete="off" /></p>
    <fieldset>
      <legend>Suggest a correction or add a source</legend>
      <p><input id="c-kind" name="kind" type="checkbox" value="correction" />
        <label for="c-kind">This comment corrects the trip or adds a source (an analyst reviews it)</label></p>
      <p><label for="c-source">Source address</label><br />
        <input id="c-source" name="source_url" type="url" maxlength="500" /></p>
    </fieldset>
    <p><button type="submit">Post comment</button></p>
  </form>`;
}

export interface CommentsSectionParts extends CommentFormParts {
  /** The trip's published comments (store listComments). */
  comments: readonly Comment[];
}

/**
 * The comments of one trip and the form to add one, as the trip page's section id="comments".
 * `csrfToken`: `reply.generateCsrf()` on the request that renders the page.
 */
export function commentsSection(p: CommentsSectionParts): Html {
  const replyHref = (id: string) => `${p.action}?reply=${encodeURIComponent(id)}#comment-form`;
  return html`<section id="comments" class="comments" aria-labelledby="comments-title">
    <h2 id="comments-title">Comments</h2>
    ${commentThread(p.comments, replyHref)}
    ${commentForm(p)}
  </section>`;
}
