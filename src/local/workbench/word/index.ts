/**
 * `/workbench/word` (and its bundle and sample below it) as a page for `startLocalTenant`'s page list
 * (see `src/local/product.ts`).
 */
import type { LocalPage } from '../../server/pages';
import { createWordWorkbench, WORD_WORKBENCH_PATH } from './page';

/** The Word task-pane workbench page (dossier link on `/sites/microdata`). */
export function wordWorkbenchPage(): LocalPage {
  const workbench = createWordWorkbench({ sitePath: '/sites/microdata' });
  return {
    path: WORD_WORKBENCH_PATH,
    handler: async (request) => (await workbench.handle(request)) ?? { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Niet gevonden (not found).' },
    prefix: true,
    title: 'Word-taakvenster'
  };
}
