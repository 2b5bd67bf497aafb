/**
 * `/mailbox`: the shared mailbox of the local tenant as an HTML page (received, sender, subject,
 * categories = dossier links, attachments), for demos and manual tests. Only signed-in VSA personas see it:
 * the messages hold the requesters' names and addresses.
 */
import { sharedMailbox } from '../personas';
import { Access } from '../server/context';
import { escapeHtml, type LtResponse } from '../server/http';
import { htmlPage, type PageHandler } from '../server/pages';

/** The page's path. */
export const mailboxPagePath = '/mailbox';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Renders the shared mailbox for the signed-in persona. */
export const mailboxPage: PageHandler = (_request, context): LtResponse => {
  const back = '<p><a href="/">Terug naar aanmelden</a> <span class="en">(back to sign-in)</span></p>';
  if (!context.persona || !new Access(context.store, context.persona).canReadSite()) {
    const page = htmlPage('Gedeelde mailbox', `<h1>Gedeelde mailbox <span class="en">(shared mailbox)</span></h1><p>Meld u aan als VSA-medewerker om de mailbox te zien. <span class="en">Sign in as VSA staff to see the mailbox.</span></p>${back}`);
    return { ...page, status: 403 };
  }
  const messages = context.store.mailbox.messages(sharedMailbox);
  const rows = messages
    .map((stored) => {
      const from = (stored.message.from as { emailAddress?: { name?: unknown; address?: unknown } } | undefined)?.emailAddress ?? {};
      const categories = Array.isArray(stored.message.categories) ? stored.message.categories.filter((c): c is string => typeof c === 'string') : [];
      const attachments = context.store.mailbox.attachments(sharedMailbox, stored.id).map((a) => a.name);
      return `<tr><td><time datetime="${escapeHtml(stored.receivedDateTime)}">${escapeHtml(stored.receivedDateTime)}</time></td><td>${escapeHtml(text(from.name))} &lt;${escapeHtml(text(from.address))}&gt;</td><th scope="row">${escapeHtml(text(stored.message.subject))}</th><td>${escapeHtml(categories.join(', ') || '—')}</td><td>${escapeHtml(attachments.join(', ') || '—')}</td></tr>`;
    })
    .join('');
  const table = messages.length
    ? `<table><caption>${messages.length} bericht(en) in ${escapeHtml(sharedMailbox)} <span class="en">(messages)</span></caption><thead><tr><th scope="col">Ontvangen</th><th scope="col">Van</th><th scope="col">Onderwerp</th><th scope="col">Categorieën (dossier)</th><th scope="col">Bijlagen</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>De mailbox is leeg. <span class="en">The mailbox is empty.</span></p>';
  return htmlPage('Gedeelde mailbox', `<h1>Gedeelde mailbox <span class="en">(shared mailbox)</span></h1>${back}${table}`);
};
