/**
 * @module store/record-alerts
 * Alerts, webhooks and the outbox. An alert is stored at most once (its id is the trip and the
 * kind), and its deliveries, one per webhook that wants its kind, are written in the same
 * transaction: an alert is never stored without them, nor they without it.
 */
import type { Alert } from '../alerts/index.js';
import type { StoreContext } from './context.js';
import { StoreError } from './errors.js';
import type {
  AddWebhookRequest,
  Delivery,
  DueDeliveriesRequest,
  ListAlertsRequest,
  ListDeliveriesRequest,
  ListWebhooksRequest,
  NewAlert,
  RecordAttemptRequest,
  RemoveWebhookRequest,
  StoredAlert,
  Webhook,
} from './record-types.js';
import type { AlertsTable, DeliveriesTable, WebhooksTable } from './schema.js';
import { isoTime } from './context.js';

const LIST_LIMIT = 1000;

/** The alert's columns beside a delivery's (its id is the delivery's alert_id). */
const ALERT_COLUMNS = [
  'alerts.seq',
  'alerts.kind',
  'alerts.trip_id',
  'alerts.subject_id',
  'alerts.country_iso2',
  'alerts.created_at',
  'alerts.article_id',
  'alerts.evidence_article_id',
  'alerts.evidence_published',
  'alerts.duty',
] as const;

export async function raiseAlerts(
  ctx: StoreContext,
  req: { alerts: readonly NewAlert[] },
): Promise<StoredAlert[]> {
  if (!req.alerts.length) return [];
  return ctx.db.transaction().execute(async (trx) => {
    const known = await trx
      .selectFrom('alerts')
      .select('id')
      .where(
        'id',
        'in',
        req.alerts.map((a) => a.id),
      )
      .execute();
    // Each id once: those raised before, and repeats within the request, are left out.
    const seen = new Set(known.map((r) => r.id));
    const fresh = req.alerts.filter((a) => !seen.has(a.id) && seen.add(a.id));
    if (!fresh.length) return [];
    // Writers are serialised (SQLite's one writer; PostgreSQL: the writers' lock of store/postgres).
    const top = await trx
      .selectFrom('alerts')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    let seq = Number(top?.seq ?? 0);
    const stored = fresh.map((a) => ({ ...a, createdAt: isoTime(a.createdAt, 'createdAt'), seq: ++seq }));
    await trx.insertInto('alerts').values(stored.map(alertRow)).execute();
    const hooks = (
      await trx.selectFrom('webhooks').selectAll().where('removed_at', 'is', null).execute()
    ).map(toWebhook);
    const deliveries: DeliveriesTable[] = [];
    for (const a of stored)
      for (const h of hooks)
        if (!h.kinds || h.kinds.includes(a.kind))
          deliveries.push({
            id: ctx.newId(),
            alert_id: a.id,
            webhook_id: h.id,
            state: 'pending',
            attempts: 0,
            next_attempt_at: ctx.now().toISOString(),
            last_error: null,
            delivered_at: null,
            claim: null,
          });
    if (deliveries.length) await trx.insertInto('deliveries').values(deliveries).execute();
    return stored;
  });
}

export async function listAlerts(ctx: StoreContext, req: ListAlertsRequest): Promise<StoredAlert[]> {
  let q = ctx.db.selectFrom('alerts').selectAll();
  if (req.since) q = q.where('created_at', '>=', isoTime(req.since, 'since'));
  if (req.tripId) q = q.where('trip_id', '=', req.tripId);
  if (req.afterSeq !== undefined) q = q.where('seq', '>', req.afterSeq);
  const rows = await q
    .orderBy('seq', req.newestFirst ? 'desc' : 'asc')
    .limit(Math.min(req.limit ?? LIST_LIMIT, LIST_LIMIT))
    .execute();
  return rows.map(toAlert);
}

export async function addWebhook(ctx: StoreContext, req: AddWebhookRequest): Promise<Webhook> {
  if (!req.secret) throw new StoreError('invalid_request', 'a webhook needs a secret to sign its deliveries');
  const row: WebhooksTable = {
    id: ctx.newId(),
    url: req.url,
    secret: req.secret,
    kinds: req.kinds?.length ? JSON.stringify(req.kinds) : null,
    created_at: ctx.now().toISOString(),
    removed_at: null,
    owner_id: req.ownerId ?? null,
  };
  // The count and the insert in one transaction: two adds at once cannot both pass the cap.
  await ctx.db.transaction().execute(async (trx) => {
    if (req.ownerId && req.maxPerOwner !== undefined) {
      const [held] = await trx
        .selectFrom('webhooks')
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
        .where('owner_id', '=', req.ownerId)
        .where('removed_at', 'is', null)
        .execute();
      if (Number(held?.n ?? 0) >= req.maxPerOwner)
        throw new StoreError('limit_reached', `at most ${req.maxPerOwner} webhooks per account`);
    }
    await trx.insertInto('webhooks').values(row).execute();
  });
  return toWebhook(row);
}

export async function listWebhooks(ctx: StoreContext, req: ListWebhooksRequest): Promise<Webhook[]> {
  let q = ctx.db.selectFrom('webhooks').selectAll().where('removed_at', 'is', null);
  if (req.ownerId !== undefined) q = q.where('owner_id', '=', req.ownerId);
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  return rows.map(toWebhook);
}

/** Removed webhooks are kept (their deliveries refer to them) and get nothing more. */
export async function removeWebhook(ctx: StoreContext, req: RemoveWebhookRequest): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    let q = trx
      .updateTable('webhooks')
      .set({ removed_at: ctx.now().toISOString() })
      .where('id', '=', req.id)
      .where('removed_at', 'is', null);
    if (req.ownerId !== undefined) q = q.where('owner_id', '=', req.ownerId);
    const r = await q.executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    await trx
      .updateTable('deliveries')
      .set({ state: 'dead', last_error: 'webhook removed' })
      .where('webhook_id', '=', req.id)
      .where('state', '=', 'pending')
      .execute();
    return true;
  });
}

export async function listDeliveries(
  ctx: StoreContext,
  req: ListDeliveriesRequest,
): Promise<(Delivery & { alert: StoredAlert })[]> {
  const rows = await ctx.db
    .selectFrom('deliveries')
    .innerJoin('alerts', 'alerts.id', 'deliveries.alert_id')
    .selectAll('deliveries')
    .select(ALERT_COLUMNS)
    .where('deliveries.webhook_id', '=', req.webhookId)
    .orderBy('alerts.seq', 'desc')
    .limit(Math.min(req.limit, LIST_LIMIT))
    .execute();
  return rows.map((r) => ({ ...toDelivery(r), alert: toAlert({ ...r, id: r.alert_id }) }));
}

export async function dueDeliveries(
  ctx: StoreContext,
  req: DueDeliveriesRequest,
): Promise<(Delivery & { alert: StoredAlert; webhook: Webhook })[]> {
  const now = isoTime(req.now, 'now');
  const due = ctx.db
    .selectFrom('deliveries')
    .select('id')
    .where('state', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(req.limit);
  let claim: string | null = null;
  if (req.leaseSeconds !== undefined) {
    // One statement claims them: two senders at once cannot both take a delivery.
    claim = ctx.newId();
    const until = new Date(Date.parse(now) + req.leaseSeconds * 1000).toISOString();
    await ctx.db
      .updateTable('deliveries')
      .set({ claim, next_attempt_at: until })
      .where('id', 'in', due)
      .execute();
  }
  let q = ctx.db
    .selectFrom('deliveries')
    .innerJoin('alerts', 'alerts.id', 'deliveries.alert_id')
    .innerJoin('webhooks', 'webhooks.id', 'deliveries.webhook_id')
    .selectAll('deliveries')
    .select([
      ...ALERT_COLUMNS,
      'webhooks.url',
      'webhooks.secret',
      'webhooks.kinds',
      'webhooks.created_at as webhook_created_at',
      'webhooks.removed_at',
      'webhooks.owner_id',
    ])
    .where('deliveries.state', '=', 'pending');
  q = claim ? q.where('deliveries.claim', '=', claim) : q.where('deliveries.id', 'in', due);
  const rows = await q.orderBy('deliveries.next_attempt_at').orderBy('alerts.seq').execute();
  return rows.map((r) => ({
    ...toDelivery(r),
    alert: toAlert({ ...r, id: r.alert_id }),
    webhook: toWebhook({ ...r, id: r.webhook_id, created_at: r.webhook_created_at }),
  }));
}

export async function recordAttempt(ctx: StoreContext, req: RecordAttemptRequest): Promise<void> {
  const attempted = ctx.db
    .updateTable('deliveries')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', req.id)
    .where('state', '=', 'pending');
  if (req.outcome === 'delivered')
    await attempted
      .set({ state: 'delivered', delivered_at: isoTime(req.at, 'at'), last_error: null, claim: null })
      .execute();
  else
    await attempted
      .set({
        state: req.retryAt ? 'pending' : 'dead',
        next_attempt_at: req.retryAt ? isoTime(req.retryAt, 'retryAt') : isoTime(req.at, 'at'),
        last_error: req.error.slice(0, 1000),
        claim: null,
      })
      .execute();
}

function alertRow(a: StoredAlert): AlertsTable {
  return {
    id: a.id,
    seq: a.seq,
    kind: a.kind,
    trip_id: a.tripId,
    subject_id: a.subjectId,
    country_iso2: a.countryIso2,
    created_at: a.createdAt,
    article_id: a.articleId,
    evidence_article_id: a.evidence.articleId,
    evidence_published: a.evidence.published,
    duty: JSON.stringify(a.duty),
  };
}

function toAlert(r: AlertsTable): StoredAlert {
  return {
    id: r.id,
    seq: Number(r.seq),
    kind: r.kind,
    tripId: r.trip_id,
    subjectId: r.subject_id,
    countryIso2: r.country_iso2,
    createdAt: r.created_at,
    articleId: r.article_id,
    evidence: { articleId: r.evidence_article_id, published: r.evidence_published },
    duty: JSON.parse(r.duty) as Alert['duty'],
  };
}

function toWebhook(r: WebhooksTable): Webhook {
  const kinds = r.kinds ? (JSON.parse(r.kinds) as Alert['kind'][]) : undefined;
  return {
    id: r.id,
    url: r.url,
    secret: r.secret,
    ...(kinds ? { kinds } : {}),
    createdAt: r.created_at,
    ...(r.owner_id ? { ownerId: r.owner_id } : {}),
  };
}

function toDelivery(r: DeliveriesTable): Delivery {
  return {
    id: r.id,
    alertId: r.alert_id,
    webhookId: r.webhook_id,
    state: r.state,
    attempts: Number(r.attempts),
    nextAttemptAt: r.next_attempt_at,
    ...(r.last_error ? { lastError: r.last_error } : {}),
    ...(r.delivered_at ? { deliveredAt: r.delivered_at } : {}),
  };
}
