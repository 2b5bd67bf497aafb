/**
 * Registers the local workbench page `/workbench/approvals` (and its scripts below it) with the local
 * tenant's page registry. Importing this module is enough; `registerApprovalsWorkbench` is idempotent.
 */
import { registerPage } from '../../server/pages';
import { approvalsWorkbenchPath, handleApprovalsWorkbench } from './page';

/** Adds the approvals page to the local tenant. */
export function registerApprovalsWorkbench(): void {
  registerPage(
    approvalsWorkbenchPath,
    async (request, context) => {
      const response = await handleApprovalsWorkbench(request.url, context.persona !== undefined);
      return response ?? { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Niet gevonden (not found).' };
    },
    { prefix: true, title: 'Goedkeuringen (Teams-tab)' }
  );
}

registerApprovalsWorkbench();
