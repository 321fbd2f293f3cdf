/**
 * @module web/account/form
 * The add-a-webhook form, validated with zod: an http(s) URL without credentials (https only
 * when the site itself is served over https, that is outside development) and the alert kinds it
 * wants, the one filter the record's webhooks have (none ticked: every kind).
 */
import { z } from 'zod';
import type { AlertKind } from '../../alerts/index.js';

/** A record over the type: a new alert kind is a type error here until the form offers it. */
export const KIND_LABELS: Record<AlertKind, string> = {
  upcoming_visit: 'Upcoming visit',
  arrival: 'Arrival',
  departed_without_arrest: 'Departed without arrest',
  cancelled: 'Cancelled or by video',
  arrested: 'Arrested',
};
export const KINDS = Object.keys(KIND_LABELS) as [AlertKind, ...AlertKind[]];

const kind = z.enum(KINDS, { error: `Choose alert kinds among: ${KINDS.join(', ')}.` });

/** The URL rule; `https` says whether plain http is refused. */
export function webhookUrl(https: boolean) {
  return z
    .string()
    .trim()
    .min(1, { error: 'Give the URL of your receiver.' })
    .max(2000, { error: 'That URL is too long (2000 characters at most).' })
    .pipe(
      z.url({
        protocol: https ? /^https$/ : /^https?$/,
        error: https
          ? 'Give an https:// URL: this site sends alerts only over https.'
          : 'Give an http:// or https:// URL.',
      }),
    )
    .refine((u) => !new URL(u).username && !new URL(u).password, {
      error: 'The URL must not carry a user name or password: deliveries are signed with the secret instead.',
    })
    .transform((u) => new URL(u).href);
}

/** The form's fields; a browser sends one `kinds` per ticked box, a lone one as a string. */
export function addWebhookForm(https: boolean) {
  return z.object({
    url: webhookUrl(https),
    kinds: z.preprocess(
      (k) => (k === undefined ? [] : [k].flat()),
      z
        .array(kind)
        .max(KINDS.length)
        .transform((k) => [...new Set(k)]),
    ),
  });
}

export type AddWebhookForm = z.output<ReturnType<typeof addWebhookForm>>;
