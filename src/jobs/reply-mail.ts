/**
 * @module jobs/reply-mail
 * Sends the reply e-mails the store queued (store/comments-mail): to the author of the comment
 * answered, the trip, the reply's author and text, a link to the thread and a one-click
 * unsubscribe link, through the SMTP path of the alerts (jobs/delivery). Retried on the
 * deliveries' delays, then given up. The address is opened here, just before sending, and goes
 * nowhere else: an error that names it is stored with the address blanked out.
 */
import type { Registry } from '../registry/index.js';
import type { Comment, DueReplyMail, Store } from '../store/index.js';
import { LEASE_SECONDS, retryAfter, type Mail } from './delivery.js';

/** The site's addresses, made by the web (its paths and signatures). */
export interface ReplyLinks {
  /** The thread, at the reply. */
  thread(reply: Comment): string;
  /** The signed link that wipes the address kept for this comment. */
  unsubscribe(commentId: string): string;
}

export interface ReplyMailDeps {
  store: Pick<Store, 'dueReplyMails' | 'recordReplyMail' | 'getTrip'>;
  mail: Mail;
  /** The sealed address opened (web/auth/keys openAddress); throws with the wrong secret. */
  openAddress(commentId: string, sealed: string): string;
  links: ReplyLinks;
  reg: Pick<Registry, 'subjects' | 'countryName'>;
  now: () => Date;
  limit?: number;
}

export interface ReplyMailSummary {
  sent: number;
  retried: number;
  dead: number;
}

/** What the comments are under, in words: "Vladimir Putin in Mongolia, 2024-09-03". */
export async function targetTitle(
  deps: Pick<ReplyMailDeps, 'store' | 'reg'>,
  target: string,
): Promise<string> {
  const tripId = /^trip:(.+)$/.exec(target)?.[1];
  const trip = tripId ? await deps.store.getTrip({ id: tripId }) : undefined;
  if (!trip) return target;
  const who = deps.reg.subjects.get(trip.subjectId)?.name ?? trip.subjectId;
  const days = trip.start
    ? `, ${trip.start}${trip.end && trip.end !== trip.start ? ` to ${trip.end}` : ''}`
    : '';
  return `${who} in ${deps.reg.countryName(trip.countryIso2)}${days}`;
}

/** The e-mail, as plain text. */
export function replyMessage(p: {
  title: string;
  reply: Comment;
  threadUrl: string;
  unsubscribeUrl: string;
}): { subject: string; text: string } {
  return {
    subject: `warrant-watch: ${p.reply.name} replied to your comment`,
    text: [
      `${p.reply.name} replied to your comment on the trip ${p.title}:`,
      '',
      ...p.reply.body.split('\n').map((line) => `> ${line}`),
      '',
      `Read the thread: ${p.threadUrl}`,
      '',
      'You get this e-mail because you asked to hear of replies to your comment.',
      `No more of them, and your address forgotten: ${p.unsubscribeUrl}`,
      '',
    ].join('\n'),
  };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function sendOne(deps: ReplyMailDeps, m: DueReplyMail): Promise<string | null> {
  let to = '';
  try {
    to = deps.openAddress(m.parent.id, m.sealedAddress);
  } catch {
    return 'the address cannot be opened with this site secret';
  }
  const unsubscribeUrl = deps.links.unsubscribe(m.parent.id);
  const { subject, text } = replyMessage({
    title: await targetTitle(deps, m.parent.target),
    reply: m.reply,
    threadUrl: deps.links.thread(m.reply),
    unsubscribeUrl,
  });
  try {
    await deps.mail({
      to,
      subject,
      text,
      messageId: `<reply-${m.id}@warrant-watch>`,
      headers: {
        'List-Unsubscribe': `<${unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
    return null;
  } catch (e) {
    // An SMTP refusal often quotes the recipient: the stored error must not keep it.
    return to ? message(e).split(to).join('<recipient>') : message(e);
  }
}

/** One pass over the reply e-mails due now, one at a time (a comment thread is not a mailing list). */
export async function sendReplyMails(deps: ReplyMailDeps): Promise<ReplyMailSummary> {
  const due = await deps.store.dueReplyMails({
    now: deps.now().toISOString(),
    limit: deps.limit ?? 50,
    leaseSeconds: LEASE_SECONDS,
  });
  const summary: ReplyMailSummary = { sent: 0, retried: 0, dead: 0 };
  for (const m of due) {
    const error = await sendOne(deps, m);
    const at = deps.now().toISOString();
    if (error === null) {
      await deps.store.recordReplyMail({ id: m.id, outcome: 'sent', at });
      summary.sent++;
      continue;
    }
    const retryAt = retryAfter(m.attempts, deps.now());
    await deps.store.recordReplyMail({ id: m.id, outcome: 'failed', at, error, retryAt });
    if (retryAt) summary.retried++;
    else summary.dead++;
  }
  return summary;
}
