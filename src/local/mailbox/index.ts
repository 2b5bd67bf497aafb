/**
 * The intake's local-tenant routes (issue 8), as one module the tenant's Graph dispatch can call before
 * its own routes: mailbox message updates (categories) and the drive/PDF conversion endpoints.
 *
 *   const handled = await handleIntakeGraphRoute(store, request, graphPath);
 *   if (handled) return handled;   // else: the tenant's own handleGraph(...)
 *
 * The `/_download` page (target of the conversion's 302) and the `/mailbox` page register through the
 * tenant's `registerPage` with `registerIntakePages()`.
 */
import type { LtRequest, LtResponse } from '../server/http';
import { registerPage } from '../server/pages';
import type { TenantStore } from '../store/tenant-store';
import { downloadPage, downloadPath, handleConversionRoute } from '../conversion/routes';
import { handleMailboxRoute } from './routes';
import { mailboxPage, mailboxPagePath } from './page';

/** A Graph route module: answers a request or returns `undefined` to let the next module try. */
export type GraphRouteModule = (store: TenantStore, request: LtRequest, graphPath: string) => LtResponse | undefined | Promise<LtResponse | undefined>;

/** The intake's Graph route modules, in the order they are tried. */
export const intakeGraphRoutes: readonly GraphRouteModule[] = [handleMailboxRoute, handleConversionRoute];

/** Tries every intake route module; `undefined` when none handles the request. */
export async function handleIntakeGraphRoute(store: TenantStore, request: LtRequest, graphPath: string): Promise<LtResponse | undefined> {
  for (const route of intakeGraphRoutes) {
    const response = await route(store, request, graphPath);
    if (response) return response;
  }
  return undefined;
}

/** Registers the pages of the intake (the conversion download URLs, the `/mailbox` page). Idempotent. */
export function registerIntakePages(): void {
  registerPage(downloadPath, downloadPage, { prefix: true });
  registerPage(mailboxPagePath, mailboxPage, { title: 'Gedeelde mailbox (data-aanvragen)' });
}
export { seedMailbox } from './seed';
export type { MailboxSeedOptions } from './seed';
export { storeMailDrop, hookMailDrop } from './drop';
export type { MailDrop, DemoAttachment } from './drop';
