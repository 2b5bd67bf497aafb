/**
 * HTML pages of the local tenant and the table of the pages other areas add (`/workbench/register`,
 * `/workbench/approvals`, `/workbench/word`, `/mailbox`), which the caller of `startLocalTenant` lists. Pages are Dutch first, English
 * second, and every value from data is escaped (no HTML is built from unescaped data).
 */
import type { Principal } from '../store/principals';
import type { TenantStore } from '../store/tenant-store';
import { demoGroups, demoPersonas } from '../personas';
import { claimedEmail, personaCookie } from './auth';
import { escapeHtml, type LtRequest, type LtResponse } from './http';
import type { SeedProgress } from './seed-status';

/** What a page handler receives besides the request. */
export interface PageContext {
  readonly store: TenantStore;
  /** `http://localhost:4321` */
  readonly baseUrl: string;
  /** The persona of the `lt_persona` cookie, if signed in. */
  readonly persona: Principal | undefined;
}

/** A page handler. */
export type PageHandler = (request: LtRequest, context: PageContext) => LtResponse | Promise<LtResponse>;

/** A page the caller gives `startLocalTenant` (workbench pages, the intake's mailbox page). */
export interface LocalPage {
  /** Where the page lives, e.g. `/workbench/register`. */
  readonly path: string;
  readonly handler: PageHandler;
  /** Also answer every path below `path` (e.g. the page's scripts). */
  readonly prefix?: boolean;
  /** Lists the page on the sign-in page. */
  readonly title?: string;
}

/** The pages of one server, fixed at start-up; finds the handler of a path. */
export class PageTable {
  private readonly pages: readonly LocalPage[];

  /** Refuses paths that would shadow an API path, and two pages on one path (a wiring mistake). */
  constructor(pages: readonly LocalPage[]) {
    for (const page of pages) {
      const path = page.path;
      if (!path.startsWith('/') || path.startsWith('/_api') || path.startsWith('/graph') || path.startsWith('/sites/') || path.startsWith('/_local')) {
        throw new Error(`Local page '${path}' must start with "/" and must not shadow an API path.`);
      }
      if (pages.filter((other) => other.path === path).length > 1) throw new Error(`Local page '${path}' is given twice.`);
    }
    this.pages = [...pages];
  }

  /** The handler for a path: exact match first, then the longest prefix page. */
  find(path: string): PageHandler | undefined {
    const exact = this.pages.find((p) => p.path === path);
    if (exact) return exact.handler;
    return this.pages
      .filter((p) => p.prefix === true && path.startsWith(p.path.endsWith('/') ? p.path : `${p.path}/`))
      .sort((a, b) => b.path.length - a.path.length)[0]?.handler;
  }

  /** The pages with a title, for the sign-in page's links. */
  titled(): readonly LocalPage[] {
    return this.pages.filter((p) => p.title !== undefined);
  }
}

/** The workbench pages the sign-in page links to (registered or announced). */
const workbenchPages: readonly { path: string; nl: string; en: string }[] = [
  { path: '/workbench/register', nl: 'Dossierregister', en: 'Dossier register' },
  { path: '/workbench/approvals', nl: 'Goedkeuringen (Teams-tab)', en: 'Approvals (Teams tab)' },
  { path: '/workbench/word', nl: 'Word-taakvenster', en: 'Word task pane' }
];

/** A complete, accessible HTML document; `headHtml` (trusted markup, never data) goes into `<head>`. */
export function htmlPage(title: string, bodyHtml: string, headHtml = ''): LtResponse {
  const html = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">${headHtml ? `\n${headHtml}` : ''}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:"Segoe UI",system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem 1.5rem;color:#1b1b1b;line-height:1.5}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:1.5rem}
.en{color:#555;font-size:.9em}
ul.personas{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
button{font:inherit;padding:.4rem .8rem;border:1px solid #0f6cbd;background:#fff;color:#0f6cbd;border-radius:4px;cursor:pointer}
button:focus-visible,a:focus-visible{outline:3px solid #000;outline-offset:2px}
button[aria-current="true"]{background:#0f6cbd;color:#fff}button[aria-current="true"] .en{color:#fff}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem}
</style>
</head>
<body>
<a class="skip" href="#main">Naar de inhoud <span class="en">(skip to content)</span></a>
<main id="main">
${bodyHtml}
</main>
</body>
</html>`;
  return {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'",
      'x-content-type-options': 'nosniff'
    },
    body: html
  };
}

function personaButton(persona: Principal, current: Principal | undefined): string {
  const isCurrent = current?.id === persona.id;
  const label = `${escapeHtml(persona.title)} <span class="en">${escapeHtml(persona.email)}</span>${isCurrent ? ' <span class="current">(aangemeld)</span>' : ''}`;
  return `<li><form method="post" action="/signin"><input type="hidden" name="email" value="${escapeHtml(persona.email)}"><button type="submit"${isCurrent ? ' aria-current="true"' : ''}>${label}</button></form></li>`;
}

/** GET / : choose a persona. */
export function signInPage(store: TenantStore, current: Principal | undefined, pages: PageTable): LtResponse {
  const sections: string[] = [];
  for (const group of demoGroups) {
    const principal = store.principals.groupByTitle(group.title);
    const members = principal ? store.principals.members(principal.id) : [];
    sections.push(`<section aria-labelledby="g-${escapeHtml(group.roleId)}"><h2 id="g-${escapeHtml(group.roleId)}">${escapeHtml(group.title)} <span class="en">(${escapeHtml(group.roleId)})</span></h2><ul class="personas">${members.map((m) => personaButton(m, current)).join('')}</ul></section>`);
  }
  const others = demoPersonas.filter((p) => p.roles.length === 0).map((p) => store.principals.userByLogin(p.email)).filter((p): p is Principal => p !== undefined);
  sections.push(`<section aria-labelledby="g-other"><h2 id="g-other">Beheer en gasten <span class="en">(site owner and guest)</span></h2><ul class="personas">${others.map((m) => personaButton(m, current)).join('')}</ul></section>`);
  const status = current
    ? `<p role="status">Aangemeld als <strong>${escapeHtml(current.title)}</strong>. <span class="en">Signed in as ${escapeHtml(current.title)}.</span></p><form method="post" action="/signout"><button type="submit">Afmelden <span class="en">(sign out)</span></button></form>`
    : '<p role="status">Niet aangemeld. Kies een persona. <span class="en">Not signed in: choose a persona.</span></p>';
  const announced = workbenchPages.map((p) => `<li><a href="${escapeHtml(p.path)}">${escapeHtml(p.nl)}</a> <span class="en">(${escapeHtml(p.en)})</span></li>`);
  const registered = pages
    .titled()
    .filter((r) => !workbenchPages.some((p) => p.path === r.path))
    .map((r) => `<li><a href="${escapeHtml(r.path)}">${escapeHtml(r.title ?? r.path)}</a></li>`);
  const links = [...announced, ...registered].join('');
  return htmlPage('Lokale tenant – aanmelden', `<h1>Microdata Dossiers – lokale tenant <span class="en">(local tenant)</span></h1>
${status}
${sections.join('\n')}
<nav aria-label="Werkbank"><h2>Werkbank <span class="en">(workbench)</span></h2><ul>${links}<li><a href="/outbox">Uitgaande berichten</a> <span class="en">(outbox)</span></li></ul></nav>`);
}

/** Seconds between reloads of the preparing page. */
const preparingRefreshSeconds = 2;

/**
 * The page shown instead of a workbench page while the first start's seed runs: says that demo data
 * is being prepared, how far it is, and reloads itself until the seed is done.
 */
export function preparingPage(progress: SeedProgress): LtResponse {
  const counted = progress.total > 0
    ? ` <span class="progress">${progress.done} van ${progress.total} dossiers</span> <span class="en">(${progress.done} of ${progress.total} dossiers)</span>`
    : '';
  const page = htmlPage(
    'Lokale tenant – demogegevens worden klaargezet',
    `<h1>Demogegevens worden klaargezet… <span class="en">(preparing demo data…)</span></h1>
<p role="status">Demogegevens worden klaargezet…${counted}</p>
<p>Deze pagina vernieuwt zichzelf tot alles klaar is. <span class="en">This page refreshes itself until the data is ready.</span></p>`,
    `<meta http-equiv="refresh" content="${preparingRefreshSeconds}">`
  );
  return { ...page, headers: { ...page.headers, 'cache-control': 'no-store' } };
}

/** GET /outbox : the stored mails and notifications. */
export function outboxPage(store: TenantStore): LtResponse {
  const entries = store.outbox.all();
  const rows = entries
    .map((e) => `<tr><td>${escapeHtml(e.created)}</td><td>${e.kind === 'mail' ? 'E-mail' : 'Teams-melding'}</td><td>${escapeHtml(e.sender)}</td><td>${escapeHtml(e.recipients.join(', '))}</td><td>${escapeHtml(e.subject)}</td><td><details><summary>Inhoud <span class="en">(payload)</span></summary><pre>${escapeHtml(JSON.stringify(e.payload, null, 2))}</pre></details></td></tr>`)
    .join('');
  const table = entries.length
    ? `<table><caption>${entries.length} bericht(en) <span class="en">(messages)</span></caption><thead><tr><th scope="col">Tijdstip</th><th scope="col">Soort</th><th scope="col">Afzender</th><th scope="col">Ontvangers</th><th scope="col">Onderwerp</th><th scope="col">Details</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>Er zijn nog geen berichten verstuurd. <span class="en">No messages yet.</span></p>';
  return htmlPage('Lokale tenant – uitgaande berichten', `<h1>Uitgaande berichten <span class="en">(outbox)</span></h1><p><a href="/">Terug naar aanmelden</a> <span class="en">(back to sign-in)</span></p>${table}`);
}

/** POST /signin (form field `email`): sets the persona cookie and returns to `/`. */
export function signIn(request: LtRequest, store: TenantStore): LtResponse {
  const form = new URLSearchParams(new TextDecoder().decode(request.body));
  const email = form.get('email') ?? '';
  const user = store.principals.userByLogin(email);
  if (!user) return htmlPage('Onbekende persona', '<h1>Onbekende persona <span class="en">(unknown persona)</span></h1><p><a href="/">Terug</a></p>');
  return {
    status: 303,
    headers: { location: '/', 'set-cookie': `${personaCookie}=${encodeURIComponent(user.email)}; Path=/; HttpOnly; SameSite=Lax` },
    body: ''
  };
}

/** POST /signout: clears the persona cookie. */
export function signOut(): LtResponse {
  return { status: 303, headers: { location: '/', 'set-cookie': `${personaCookie}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0` }, body: '' };
}

/** The persona of a browser request, if its cookie names a known user. */
export function cookiePersona(request: LtRequest, store: TenantStore): Principal | undefined {
  const email = claimedEmail(request);
  return email ? store.principals.userByLogin(email) : undefined;
}
