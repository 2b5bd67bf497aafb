/**
 * Turns a web part workbench page (`createWebPartPage`) into a page for `startLocalTenant`'s page
 * list: the page and everything below it, signed-in or not, 404 for paths the page does not know.
 */
import type { LocalPage } from '../server/pages';
import type { WorkbenchResponse } from './webPartPage';

/** The local page of a web part workbench; `title` lists it on the sign-in page. */
export function webPartLocalPage(
  path: string,
  title: string,
  handle: (url: URL, signedIn: boolean) => Promise<WorkbenchResponse | undefined>
): LocalPage {
  return {
    path,
    handler: async (request, context) => {
      const response = await handle(request.url, context.persona !== undefined);
      return response ?? { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Niet gevonden (not found).' };
    },
    prefix: true,
    title
  };
}
