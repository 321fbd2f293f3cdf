/**
 * @module ingest/telegram/channel
 * A public channel's preview page (https://t.me/s/<channel>) to posts: id, link, date, text, views.
 * Telegram offers no feed for channels; this page is the stable, documented-by-use surface.
 */
import { parseHTML } from 'linkedom';

export interface TelegramPost {
  /** `channel/123`, as in the page's data-post attribute. */
  id: string;
  /** https://t.me/channel/123 */
  url: string;
  /** ISO 8601 UTC, or null when the page gives no readable date. */
  published: string | null;
  /** Plain text; <br> and block breaks become newlines, a forwarded post's origin is not included. */
  text: string;
  /** As displayed ("12.5K"): Telegram rounds the count, so it is kept as the page shows it. */
  views: string | null;
}

export interface TelegramChannel {
  channel: string;
  title: string | null;
  posts: TelegramPost[];
}

/** The DOM surface we use; linkedom's own types are not exported for a Node-only lib setting. */
interface El {
  getAttribute(name: string): string | null;
  querySelector(sel: string): El | null;
  querySelectorAll(sel: string): Iterable<El>;
  textContent: string | null;
  innerHTML: string;
}

/** `https://t.me/s/name`, `t.me/name`, `@name` or `name` to `name`. */
export function channelName(channelUrl: string): string {
  const m = /^(?:https?:\/\/)?(?:t\.me|telegram\.me)\/(?:s\/)?([\w]+)/i.exec(channelUrl.trim());
  return (m?.[1] ?? channelUrl.trim().replace(/^@/, '')).toLowerCase();
}

/** Text with line breaks kept: linkedom's textContent would glue "<br>"-separated lines together. */
function messageText(el: El | null): string {
  if (!el) return '';
  // Newlines in the markup are just whitespace, as in any HTML; only <br> and block ends break lines.
  const html = el.innerHTML
    .replace(/\s+/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|blockquote)>/gi, '\n');
  const text =
    parseHTML(`<html><body><div>${html}</div></body></html>`).document.querySelector('div')?.textContent ??
    '';
  return text
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString().replace(/\.000Z$/, 'Z');
}

/** Parses the preview page; posts of other channels (shown in replies) are not mixed in. */
export function parseTelegramChannel(html: string, channelUrl: string): TelegramChannel {
  const channel = channelName(channelUrl);
  const doc = parseHTML(html).document as unknown as El;
  const title =
    doc.querySelector('.tgme_channel_info_header_title')?.textContent?.trim() ||
    doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim() ||
    null;
  const posts: TelegramPost[] = [];
  for (const msg of doc.querySelectorAll('.tgme_widget_message[data-post]')) {
    const id = msg.getAttribute('data-post')!;
    const [owner, num] = id.split('/');
    if (owner?.toLowerCase() !== channel || !num || !/^\d+$/.test(num)) continue;
    posts.push({
      id: `${channel}/${num}`,
      url: `https://t.me/${channel}/${num}`,
      published: isoDate(
        msg.querySelector('.tgme_widget_message_date time[datetime]')?.getAttribute('datetime'),
      ),
      text: messageText(msg.querySelector('.tgme_widget_message_text')),
      views: msg.querySelector('.tgme_widget_message_views')?.textContent?.trim() || null,
    });
  }
  return { channel, title, posts };
}
