/**
 * The local workbench page `/workbench/approvals` (and its scripts below it) as a page for
 * `startLocalTenant`'s page list (see `src/local/product.ts`).
 */
import type { LocalPage } from '../../server/pages';
import { webPartLocalPage } from '../localPage';
import { approvalsWorkbenchPath, handleApprovalsWorkbench } from './page';

/** The approvals workbench page. */
export function approvalsWorkbenchPage(): LocalPage {
  return webPartLocalPage(approvalsWorkbenchPath, 'Goedkeuringen (Teams-tab)', handleApprovalsWorkbench);
}
