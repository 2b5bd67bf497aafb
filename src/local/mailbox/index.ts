/**
 * The intake's local-tenant routes (issue 8), for `startLocalTenant`'s lists (see
 * `src/local/product.ts`): the Graph route module of the mailbox (inbox paging, message updates), tried
 * before the tenant's own Graph routes, and the `/mailbox` page. The drives and their `?format=pdf`
 * conversion are the tenant's own Graph routes (`server/graph-drive-routes.ts`).
 */
import type { GraphRouteModule } from '../server/graph-route-modules';
import type { LocalPage } from '../server/pages';
import { handleMailboxRoute } from './routes';
import { handleSentItemsRoute } from './sentItems';
import { mailboxPage, mailboxPagePath } from './page';

export type { GraphRouteModule } from '../server/graph-route-modules';

/** The intake's Graph route modules, in the order they are tried. */
export const intakeGraphRoutes: readonly GraphRouteModule[] = [handleMailboxRoute, handleSentItemsRoute];

/** The intake's pages: the `/mailbox` page. */
export function intakePages(): LocalPage[] {
  return [{ path: mailboxPagePath, handler: mailboxPage, title: 'Gedeelde mailbox (data-aanvragen)' }];
}
export { seedMailbox } from './seed';
export type { MailboxSeedOptions } from './seed';
export { storeMailDrop, hookMailDrop } from './drop';
export type { MailDrop, DemoAttachment } from './drop';
