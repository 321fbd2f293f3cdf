/**
 * @module web/comments/policy
 * What a submitted comment must be and where it goes, as data and pure functions: the input
 * schema (zod), the limits, and the rule that decides whether it waits for a moderator. The rules
 * are checked in this order, the first that applies wins: a pre-moderated trip, too many links,
 * an author with no approved comment yet; otherwise it is published at once.
 */
import { z } from 'zod';
import type { CommentHeld } from '../../store/index.js';
import { WebError } from '../auth/errors.js';

/** The longest comment, in characters (the request body cap is the server's BODY_LIMIT). */
export const MAX_BODY = 4000;
/** More links than this and a comment waits for a moderator, whoever wrote it. */
export const MAX_LINKS = 2;
/** Comments one author may send in an hour (the per-IP limit is the route's). */
export const PER_AUTHOR_PER_HOUR = 5;

const httpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), { error: 'must be an http or https address' });
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const commentInput = z
  .object({
    name: z.string().trim().min(1, { error: 'is required' }).max(80),
    email: z
      .string()
      .trim()
      .max(254)
      .pipe(z.email({ error: 'is not an e-mail address' })),
    website: z.preprocess(blankToUndefined, httpUrl.optional()),
    body: z.string().trim().min(1, { error: 'is required' }).max(MAX_BODY),
    parent_id: z.preprocess(blankToUndefined, z.string().max(64).optional()),
    kind: z.enum(['comment', 'correction']).default('comment'),
    source_url: z.preprocess(blankToUndefined, httpUrl.optional()),
    /** "Email me when someone replies": the form's checkbox sends "1", JSON may send true. */
    notify_replies: z.preprocess((v) => v === true || v === '1' || v === 'on', z.boolean()).default(false),
    /** The honeypot: hidden from people, filled by bots. */
    homepage: z.preprocess(blankToUndefined, z.string().optional()),
  })
  .refine((c) => c.kind !== 'correction' || c.source_url !== undefined, {
    error: 'a correction needs the address of its source',
    path: ['source_url'],
  });

export type CommentInput = z.output<typeof commentInput>;

/** The input, or a WebError naming the fields at fault and never repeating what was sent. */
export function parseCommentInput(raw: unknown): CommentInput {
  const r = commentInput.safeParse(raw);
  if (r.success) return r.data;
  const problems = r.error.issues.map((i) => `${i.path.join('.') || 'body'} ${i.message}`);
  throw new WebError('invalid_request', `the comment was not accepted: ${problems.join('; ')}`);
}

const LINK = /\bhttps?:\/\/[^\s<>"']+/gi;

export const countLinks = (text: string) => text.match(LINK)?.length ?? 0;

export interface HoldFacts {
  premoderated: boolean;
  links: number;
  authorApproved: boolean;
}

/** Why the comment waits, or undefined when it is published at once (rule order: module header). */
export function holdReason(f: HoldFacts): CommentHeld | undefined {
  if (f.premoderated) return 'premoderated';
  if (f.links > MAX_LINKS) return 'links';
  if (!f.authorApproved) return 'first_time';
  return undefined;
}

/** The text split into plain runs and http(s) links, for rendering (trailing punctuation stays text). */
export function linkRuns(text: string): { text: string; href?: string }[] {
  const out: { text: string; href?: string }[] = [];
  let last = 0;
  for (const m of text.matchAll(LINK)) {
    const url = m[0].replace(/[.,;:!?)\]]+$/, '');
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push({ text: url, href: url });
    last = m.index + url.length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}
