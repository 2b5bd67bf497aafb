/**
 * The intake's local-tenant routes (issue 8), for `startLocalTenant`'s lists (see
 * `src/local/product.ts`): the Graph route modules (mailbox message updates, the drive/PDF conversion
 * endpoints), tried before the tenant's own Graph routes, and the pages (the `/_download` target of the
 * conversion's 302, the `/mailbox` page).
 */
import type { GraphRouteModule } from '../server/graph-route-modules';
import type { LocalPage } from '../server/pages';
import { downloadPage, downloadPath, handleConversionRoute } from '../conversion/routes';
import { handleMailboxRoute } from './routes';
import { mailboxPage, mailboxPagePath } from './page';

export type { GraphRouteModule } from '../server/graph-route-modules';

/** The intake's Graph route modules, in the order they are tried. */
export const intakeGraphRoutes: readonly GraphRouteModule[] = [handleMailboxRoute, handleConversionRoute];

/** The intake's pages: the conversion download URLs and the `/mailbox` page. */
export function intakePages(): LocalPage[] {
  return [
    { path: downloadPath, handler: downloadPage, prefix: true },
    { path: mailboxPagePath, handler: mailboxPage, title: 'Gedeelde mailbox (data-aanvragen)' }
  ];
}
export { seedMailbox } from './seed';
export type { MailboxSeedOptions } from './seed';
export { storeMailDrop, hookMailDrop } from './drop';
export type { MailDrop, DemoAttachment } from './drop';
