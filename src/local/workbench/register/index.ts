/**
 * The local workbench page `/workbench/register` (and its scripts below it) as a page for
 * `startLocalTenant`'s page list (see `src/local/product.ts`).
 */
import type { LocalPage } from '../../server/pages';
import { webPartLocalPage } from '../localPage';
import { handleRegisterWorkbench, registerWorkbenchPath } from './page';

/** The register workbench page. */
export function registerWorkbenchPage(): LocalPage {
  return webPartLocalPage(registerWorkbenchPath, 'Dossierregister', handleRegisterWorkbench);
}
