/**
 * @module jobs/delivery
 * Sends the outbox: each due delivery is POSTed, signed, to its webhook; a 2xx is delivered, any
 * other answer, a network error or a timeout is retried later with backoff, and after the last
 * retry the delivery is dead (kept, with its last error). At least once: a receiver may see a
 * delivery again after a crash between its answer and our record of it, and tells by `webhook-id`.
 */
import dns, { type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { createTransport } from 'nodemailer';
import { Agent, request } from 'undici';
import { alertJson, webhookHeaders } from '../alerts/index.js';
import { addressGuard, addressRange, guardedLookup } from '../ingest/fetch/index.js';
import type { Store } from '../store/index.js';

/** Seconds before each retry: 10 s, 30 s, 2 min, 10 min, 1 h, 6 h, 24 h; then the delivery is dead. */
export const RETRY_DELAYS_S = [10, 30, 120, 600, 3600, 21_600, 86_400] as const;

/** When to try again after a failed try (`attempts` made before it), or null: give up. */
export function retryAfter(attempts: number, now: Date): string | null {
  const delay = RETRY_DELAYS_S[attempts];
  return delay === undefined ? null : new Date(now.getTime() + delay * 1000).toISOString();
}

/** How long a sender holds the deliveries it took: longer than a pass of tries with their timeouts. */
export const LEASE_SECONDS = 300;

/** POSTs a body; resolves with the status, rejects on a network error or a timeout. */
export type Post = (
  url: string,
  headers: Record<string, string>,
  body: string,
) => Promise<{ status: number }>;

/** Sends one e-mail; rejects when the server refuses it. */
export type Mail = (message: {
  to: string;
  subject: string;
  text: string;
  messageId: string;
  /** More header fields (List-Unsubscribe). */
  headers?: Record<string, string>;
}) => Promise<void>;

export interface DeliverDeps {
  store: Pick<Store, 'dueDeliveries' | 'recordAttempt'>;
  post: Post;
  /** For `mailto:` webhooks; absent when no SMTP server is configured. */
  mail?: Mail;
  now: () => Date;
  limit?: number;
  /** Deliveries in flight at once. */
  concurrency?: number;
}

export interface DeliverSummary {
  delivered: number;
  retried: number;
  dead: number;
}

/** One pass over the deliveries due now. */
export async function deliverDue(deps: DeliverDeps): Promise<DeliverSummary> {
  // Claimed for longer than a try can take: another sender running at the same time skips them.
  const due = await deps.store.dueDeliveries({
    now: deps.now().toISOString(),
    limit: deps.limit ?? 100,
    leaseSeconds: LEASE_SECONDS,
  });
  const summary: DeliverSummary = { delivered: 0, retried: 0, dead: 0 };
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const d = due[next++]!;
      const body = JSON.stringify(alertJson(d.alert));
      const sentAt = deps.now();
      const headers = webhookHeaders(
        d.webhook.secret,
        { id: d.id, kind: d.alert.kind },
        Math.floor(sentAt.getTime() / 1000),
        body,
      );
      let error: string | null = null;
      try {
        if (d.webhook.url.startsWith('mailto:')) {
          if (!deps.mail) throw new Error('no SMTP server is configured (WW_SMTP_URL)');
          await deps.mail({
            to: d.webhook.url.slice('mailto:'.length),
            subject: `warrant-watch: ${d.alert.kind.replace(/_/g, ' ')} (${d.alert.subjectId}, ${d.alert.countryIso2})`,
            text: `${JSON.stringify(alertJson(d.alert), null, 2)}\n`,
            // The idempotency key again: a mail client shows a resent copy as the same message.
            messageId: `<${d.id}@warrant-watch>`,
          });
        } else {
          const res = await deps.post(d.webhook.url, headers, body);
          if (res.status < 200 || res.status > 299) error = `HTTP ${res.status}`;
        }
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      const at = deps.now().toISOString();
      if (error === null) {
        await deps.store.recordAttempt({ id: d.id, outcome: 'delivered', at });
        summary.delivered++;
        continue;
      }
      const retryAt = retryAfter(d.attempts, deps.now());
      await deps.store.recordAttempt({ id: d.id, outcome: 'failed', at, error, retryAt });
      if (retryAt) summary.retried++;
      else summary.dead++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? 4) }, worker));
  return summary;
}

/**
 * The real POST. Webhook URLs are given by users: every address a host resolves to is checked
 * when the socket connects (loopback, private and link-local refused unless allowed), redirects
 * are not followed (undici's `request` never does), and an answer must come within `timeoutMs`.
 */
export function httpPost(opts: {
  timeoutMs: number;
  allowPrivateAddresses: boolean;
  allowedNetworks?: readonly string[];
  lookup?: LookupFunction;
}): { post: Post; close: () => Promise<void> } {
  const allowed = addressGuard({
    allowPrivateAddresses: opts.allowPrivateAddresses,
    allowedNetworks: opts.allowedNetworks ?? [],
  });
  const dispatcher = new Agent({
    connect: { lookup: guardedLookup(allowed, opts.lookup), timeout: opts.timeoutMs },
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
  });
  const post: Post = async (url, headers, body) => {
    const target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:')
      throw new Error(`scheme ${target.protocol} is not sent to`);
    // An IP literal is never resolved, so the lookup guard does not see it: check it here.
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !allowed(host)) throw new Error(`${host} is not a public address`);
    const res = await request(target, {
      method: 'POST',
      headers,
      body,
      dispatcher,
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    await res.body.dump();
    return { status: res.statusCode };
  };
  return { post, close: () => dispatcher.close() };
}

/** Ranges named as a person would say them (ipaddr.js names; any other is "reserved"). */
const RANGE_WORDS: Record<string, string> = {
  loopback: 'a loopback address (this machine)',
  private: 'a private network address',
  uniqueLocal: 'a private network address (IPv6 unique local)',
  linkLocal: 'a link-local address',
  carrierGradeNat: "a carrier-grade NAT address (a provider's private network)",
  unspecified: 'the unspecified address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
};

/** Why `ip` is refused, in words, or undefined when a webhook may be sent to it. */
const refusal = (allowed: (ip: string) => boolean, ip: string, host: string) => {
  if (allowed(ip)) return undefined;
  const words = RANGE_WORDS[addressRange(ip)] ?? 'a reserved address';
  return `${host === ip ? ip : `${host} resolves to ${ip}, which`} is ${words}: webhooks are sent only to public addresses`;
};

/**
 * The check of a webhook URL when a person adds it, under the same address rules as `httpPost`
 * (which checks again on every connection: a name may resolve elsewhere later). Resolves with why
 * the URL is refused (an http(s) URL whose host is, or resolves to, an address not allowed, or
 * cannot be found), or undefined when it is accepted.
 */
export function webhookTargetCheck(opts: {
  allowPrivateAddresses: boolean;
  allowedNetworks?: readonly string[];
  lookup?: LookupFunction;
}): (url: string) => Promise<string | undefined> {
  const allowed = addressGuard({
    allowPrivateAddresses: opts.allowPrivateAddresses,
    allowedNetworks: opts.allowedNetworks ?? [],
  });
  const resolve = opts.lookup ?? dns.lookup;
  return async (url) => {
    const target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:')
      return `scheme ${target.protocol} is not sent to`;
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host)) return refusal(allowed, host, host);
    const found = await new Promise<LookupAddress[] | undefined>((done) =>
      resolve(host, { all: true }, (err, addresses) =>
        done(
          err ? undefined : typeof addresses === 'string' ? [{ address: addresses, family: 0 }] : addresses,
        ),
      ),
    );
    if (!found?.length) return `the host ${host} could not be found`;
    for (const a of found) {
      const why = refusal(allowed, a.address, host);
      if (why) return why;
    }
    return undefined;
  };
}

/** E-mail through an SMTP server (nodemailer), for `mailto:` webhooks and reply e-mails. */
export function smtpMail(url: string, from: string): { mail: Mail; close: () => void } {
  const transport = createTransport(url);
  return {
    mail: async (m) => {
      await transport.sendMail({
        from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        messageId: m.messageId,
        ...(m.headers ? { headers: m.headers } : {}),
      });
    },
    close: () => transport.close(),
  };
}
