/**
 * @module alerts/webhook
 * What a webhook receives: the alert as JSON (snake_case, as every `--json` prints it) and the
 * headers of the Standard Webhooks convention: `webhook-id` (the delivery's idempotency key, the
 * same on every retry), `webhook-timestamp` (seconds), `webhook-signature` (`v1,` and the base64
 * HMAC-SHA256 of "id.timestamp.body" under the webhook's secret), and the alert kind.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Alert } from './rules.js';

/** An alert as raised: when (the clock of the run) and after which article. */
export type RaisedAlert = Alert & { createdAt: string; articleId: string };

export function alertJson(alert: RaisedAlert) {
  return {
    id: alert.id,
    kind: alert.kind,
    trip_id: alert.tripId,
    subject_id: alert.subjectId,
    country_iso2: alert.countryIso2,
    created_at: alert.createdAt,
    article_id: alert.articleId,
    evidence: { article_id: alert.evidence.articleId, published: alert.evidence.published },
    duty: {
      kind: alert.duty.kind,
      date: alert.duty.date,
      basis: alert.duty.basis.map((b) => ({
        ground: b.ground,
        warrant_id: b.warrantId,
        provisions: b.provisions,
      })),
    },
  };
}

const sign = (secret: string, id: string, timestamp: number, body: string) =>
  createHmac('sha256', secret).update(`${id}.${timestamp}.${body}`).digest('base64');

export function webhookHeaders(
  secret: string,
  delivery: { id: string; kind: Alert['kind'] },
  timestamp: number,
  body: string,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'webhook-id': delivery.id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': `v1,${sign(secret, delivery.id, timestamp, body)}`,
    'x-warrant-watch-event': delivery.kind,
  };
}

/**
 * What a receiver checks: a signature of ours over this body, made within `toleranceSeconds` of
 * now (an old request replayed is refused). Constant-time comparison.
 */
export function verifyWebhook(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const one = (name: string) => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const id = one('webhook-id');
  const timestamp = Number(one('webhook-timestamp'));
  const signatures = (one('webhook-signature') ?? '').split(' ');
  if (!id || !Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds)
    return false;
  const expected = Buffer.from(sign(secret, id, timestamp, body));
  return signatures.some((s) => {
    const [version, value] = s.split(',');
    const got = Buffer.from(value ?? '');
    return version === 'v1' && got.length === expected.length && timingSafeEqual(got, expected);
  });
}
