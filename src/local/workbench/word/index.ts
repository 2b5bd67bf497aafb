/**
 * Registers `/workbench/word` (and its bundle and sample below it) with the local tenant's page
 * registry. Importing this module is enough; `registerWordWorkbench` is idempotent.
 */
import { registerPage } from '../../server/pages';
import { createWordWorkbench, WORD_WORKBENCH_PATH } from './page';

/** Adds the Word task-pane workbench to the local tenant (dossier link on `/sites/microdata`). */
export function registerWordWorkbench(): void {
  const workbench = createWordWorkbench({ sitePath: '/sites/microdata' });
  registerPage(
    WORD_WORKBENCH_PATH,
    async (request) => (await workbench.handle(request)) ?? { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Niet gevonden (not found).' },
    { prefix: true, title: 'Word-taakvenster' }
  );
}

registerWordWorkbench();
