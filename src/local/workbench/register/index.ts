/**
 * Registers the local workbench page `/workbench/register` (and its scripts below it) with the local
 * tenant's page registry. Importing this module is enough; `registerRegisterWorkbench` is idempotent.
 */
import { registerPage } from '../../server/pages';
import { handleRegisterWorkbench, registerWorkbenchPath } from './page';

/** Adds the register page to the local tenant. */
export function registerRegisterWorkbench(): void {
  registerPage(
    registerWorkbenchPath,
    async (request, context) => {
      const response = await handleRegisterWorkbench(request.url, context.persona !== undefined);
      return response ?? { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Niet gevonden (not found).' };
    },
    { prefix: true, title: 'Dossierregister' }
  );
}

registerRegisterWorkbench();
