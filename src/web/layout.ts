/**
 * @module web/layout
 * The one layout of every page: header with the site's sections, the page's main content, a
 * footer saying where the facts come from. Phone (375 px), desktop and print layouts are the
 * stylesheet's (static/style.css); no script is needed to read any page.
 */
import { html, type Html } from './html.js';

export interface Alternate {
  title: string;
  href: string;
  type: 'application/atom+xml' | 'application/feed+json' | 'application/json';
}

export interface PageParts {
  /** The page's own title; the site's name is added after it. */
  title: string;
  /** One sentence, for search engines and link previews. */
  description?: string;
  main: Html;
  /** Feeds and data of this page, linked with rel="alternate". */
  alternates?: readonly Alternate[];
  /** The section of the header to mark as current. */
  section?: 'home' | 'people' | 'countries' | 'search' | 'duty' | 'review' | 'moderation' | 'account';
}

const SECTIONS = [
  ['home', '/', 'Alerts and trips'],
  ['people', '/people', 'Wanted persons'],
  ['countries', '/countries', 'Countries'],
  ['duty', '/duty', 'Duty on a date'],
  ['search', '/search', 'Search'],
] as const;

/** The analysts' sections: in the header of their own pages only, since the public pages are the
 * same for everyone (the layout knows nothing of who is signed in). */
const SIGNED_IN_SECTIONS = [
  ['review', '/review', 'Review'],
  ['moderation', '/moderation', 'Moderation'],
  ['account', '/account/webhooks', 'Webhooks'],
] as const;

export const SITE_NAME = 'warrant-watch';

export function layout(p: PageParts): Html {
  const signedIn = SIGNED_IN_SECTIONS.some(([id]) => id === p.section);
  const nav = [...SECTIONS, ...(signedIn ? SIGNED_IN_SECTIONS : [])].map(
    ([id, href, label]) =>
      html`<li><a href="${href}" ${p.section === id ? html` aria-current="page"` : ''}>${label}</a></li>`,
  );
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${p.title} · ${SITE_NAME}</title>
        ${p.description ? html`<meta name="description" content="${p.description}" />` : ''}
        <link rel="stylesheet" href="/static/style.css" />
        <link rel="alternate" type="application/atom+xml" title="All alerts" href="/feeds/alerts.atom" />
        ${(p.alternates ?? []).map((a) => html`<link rel="alternate" type="${a.type}" title="${a.title}" href="${a.href}" />`)}
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="site">
          <a class="brand" href="/">${SITE_NAME}</a>
          <nav aria-label="Sections">
            <ul>
              ${nav}
            </ul>
          </nav>
        </header>
        <main id="main">${p.main}</main>
        <footer class="site">
          <p>
            Every fact is cited: warrants and memberships from the Court's and the United Nations' public
            records, trips from the news articles linked beside them. The machine reads the news; analysts
            correct it.
          </p>
        </footer>
      </body>
    </html>`;
}
