/**
 * @module cli/commands/comments-chores
 * The comments' upkeep the watcher runs after each pass (`watch` and `serve`): the reply e-mails
 * due, when an SMTP server is configured, and the hourly purge of comments no moderator decided
 * on. The mailer is nodemailer's unpooled transport (a connection per message): nothing to close.
 */
import type { Config } from '../../config.js';
import { periodicPurge, type PurgeReport } from '../../jobs/comment-purge.js';
import { smtpMail } from '../../jobs/delivery.js';
import { sendReplyMails, type ReplyMailDeps, type ReplyMailSummary } from '../../jobs/reply-mail.js';
import type { Logger } from '../../log.js';
import type { Registry } from '../../registry/index.js';
import type { Store } from '../../store/index.js';
import { deriveKeys } from '../../web/auth/keys.js';
import { replyLinks } from '../../web/comments/service.js';

/** What sends reply e-mails, with the keys of the site secret the web uses (WW_SECRET or the stored one). */
async function replyMailer(
  config: Config,
  store: Store,
  reg: Registry,
  mail: ReplyMailDeps['mail'],
): Promise<ReplyMailDeps> {
  const keys = deriveKeys(config.secret ?? (await store.siteSecret({ name: 'web' })));
  return {
    store,
    mail,
    openAddress: keys.openAddress,
    links: replyLinks(config.publicUrl, keys),
    reg,
    now: () => new Date(),
  };
}

/** What one run did: the reply e-mails (when SMTP is configured), the purge (when it was time). */
export interface ChoresReport {
  mails?: ReplyMailSummary;
  purged?: PurgeReport;
}

export function commentChores(
  config: Config,
  store: Store,
  reg: Registry,
  log: Logger,
): () => Promise<ChoresReport> {
  const purge = periodicPurge({ store, now: () => new Date() }, config.commentPurgeDays);
  const smtp = config.smtpUrl ? smtpMail(config.smtpUrl, config.mailFrom) : undefined;
  let mailer: Promise<ReplyMailDeps> | undefined;
  return async () => {
    const report: ChoresReport = {};
    if (smtp) {
      const sent = await sendReplyMails(await (mailer ??= replyMailer(config, store, reg, smtp.mail)));
      if (sent.sent + sent.retried + sent.dead) log.info({ ...sent }, 'reply e-mails sent');
      report.mails = sent;
    }
    const purged = await purge();
    if (purged?.purged.length)
      log.info({ purged: purged.purged.length, before: purged.before }, 'stale comments purged');
    if (purged) report.purged = purged;
    return report;
  };
}
