/**
 * @module store/comments-types
 * The comments' part of the Store: public comments under a target (a trip), the moderation queue,
 * the analysts' queue of suggested corrections, per-target pre-moderation and the site's secrets.
 * The store decides nothing about policy (who waits, how many links are too many): the web does,
 * and hands it the state to store.
 */

export type CommentKind = 'comment' | 'correction';
export type CommentState = 'pending' | 'published' | 'rejected' | 'deleted';
/** Why a comment waits: a first-time author, too many links, a pre-moderated target. */
export type CommentHeld = 'first_time' | 'links' | 'premoderated';

export interface Comment {
  id: string;
  target: string;
  parentId?: string;
  kind: CommentKind;
  name: string;
  website?: string;
  body: string;
  /** A correction's source. */
  sourceUrl?: string;
  state: CommentState;
  held?: CommentHeld;
  createdAt: string;
  decidedAt?: string;
  decidedBy?: string;
  reviewState?: 'open' | 'done';
}

export interface AddCommentRequest {
  target: string;
  parentId?: string;
  kind: CommentKind;
  name: string;
  /** The author's keyed e-mail hash (never the address). */
  emailKey: string;
  website?: string;
  body: string;
  sourceUrl?: string;
  state: 'pending' | 'published';
  held?: CommentHeld;
  /** ISO 8601, by the caller's clock (the one the per-author limit counts with). */
  createdAt: string;
}

/** A reply e-mail: waiting (and retried), sent, given up, or dropped (unsubscribed, reply gone). */
export type ReplyMailState = 'pending' | 'sent' | 'dead' | 'dropped';

/** A reply e-mail due, claimed for a while by the sender that asked. */
export interface DueReplyMail {
  id: string;
  /** Tries already made. */
  attempts: number;
  /** The parent's author's address as the web sealed it (web/auth/keys); the store cannot read it. */
  sealedAddress: string;
  parent: Comment;
  reply: Comment;
}

export type RecordReplyMailRequest =
  | { id: string; outcome: 'sent'; at: string }
  | {
      id: string;
      outcome: 'failed';
      at: string;
      error: string;
      /** null: give up. */ retryAt: string | null;
    };

export interface DecideCommentRequest {
  id: string;
  decision: 'approve' | 'reject';
  by: string;
}

export interface PurgePendingRequest {
  /** ISO 8601: comments received before this instant and still pending go. */
  createdBefore: string;
  /** Count what would go, change nothing. */
  dryRun?: boolean;
}

/** The comments purged (or, in a dry run, that would be), oldest first. */
export interface PurgePendingResult {
  purged: string[];
}

export interface CommentRepository {
  addComment(req: AddCommentRequest): Promise<Comment>;
  getComment(req: { id: string }): Promise<Comment | undefined>;
  /** Oldest first; published ones only unless `state` says otherwise. */
  listComments(req: { target?: string; state?: CommentState; limit?: number }): Promise<Comment[]>;
  /**
   * Approving publishes it (and queues a reply e-mail, see dueReplyMails); rejecting hides it and
   * wipes an address kept for its replies. Undefined when there is no such comment.
   */
  decideComment(req: DecideCommentRequest): Promise<Comment | undefined>;
  /**
   * The author's own delete: the text and name are erased, the row stays for its replies; an
   * address kept for reply e-mails is wiped.
   */
  deleteComment(req: { id: string }): Promise<boolean>;
  /**
   * Removes comments that waited for a moderator since before `createdBefore`: unprocessed
   * personal data is not kept for ever. Open corrections stay (analysts still have them in hand).
   */
  purgePendingComments(req: PurgePendingRequest): Promise<PurgePendingResult>;
  /** Keeps the sealed address of the comment's author, to tell of replies (replaces one kept). */
  subscribeToReplies(req: { commentId: string; sealedAddress: string }): Promise<void>;
  /** Wipes the address kept for the comment; false when none was. */
  unsubscribeFromReplies(req: { commentId: string }): Promise<boolean>;
  repliesSubscribed(req: { commentId: string }): Promise<boolean>;
  /**
   * The reply e-mails due at `now`, oldest first, claimed for `leaseSeconds`. A reply e-mail is
   * queued by the store itself, once per reply, when a reply is published (added published, or
   * approved) under a comment whose author subscribed, unless both have one author (the same
   * e-mail key); those whose address was wiped or whose reply is no longer published are dropped.
   */
  dueReplyMails(req: { now: string; limit: number; leaseSeconds: number }): Promise<DueReplyMail[]>;
  recordReplyMail(req: RecordReplyMailRequest): Promise<void>;
  /** Whether this author has a published comment (approved once, trusted after). */
  authorApproved(req: { emailKey: string }): Promise<boolean>;
  /** Comments by this author since an instant (ISO), whatever their state: the per-author limit. */
  countAuthorComments(req: { emailKey: string; since: string }): Promise<number>;
  /** The corrections analysts have not looked at yet, oldest first. */
  openCorrections(req: { target?: string }): Promise<Comment[]>;
  closeCorrection(req: { id: string; by: string }): Promise<boolean>;
  setPremoderation(req: { target: string; on: boolean; by: string }): Promise<void>;
  isPremoderated(req: { target: string }): Promise<boolean>;
  /** The named secret, made (32 random bytes, hex) the first time it is asked for. */
  siteSecret(req: { name: string }): Promise<string>;
}
