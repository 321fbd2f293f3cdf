/**
 * @module web/html
 * HTML escaped by default: every page is written with the `html` tag, which escapes each value it
 * is given unless that value is itself `Html` (made by the tag, or by `trusted` for markup the
 * product generated, such as a map's SVG). So text from the news, a comment or a query string can
 * never become markup by forgetting a call.
 */

const HTML = Symbol('html');

/** Markup that is safe to insert as it is. */
export interface Html {
  readonly [HTML]: true;
  readonly text: string;
}

/** What may stand inside `${}` of the tag: text is escaped, Html kept, lists joined, nothing skipped. */
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `text` escaped for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const isHtml = (v: unknown): v is Html => typeof v === 'object' && v !== null && HTML in v;

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (isHtml(value)) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** The tag: `html\`<p>${text}</p>\`` escapes `text`. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!));
  return { [HTML]: true, text: out };
}

/** Markup the product made itself (never text from outside), to be inserted as it is. */
export function trusted(markup: string): Html {
  return { [HTML]: true, text: markup };
}

/** A URL for an href or src: only http(s), mailto and paths of this site; anything else is '#'. */
export function safeUrl(url: string): string {
  const u = url.trim();
  if (/^\/(?!\/)/.test(u)) return u;
  return /^(https?:\/\/|mailto:)/i.test(u) ? u : '#';
}
