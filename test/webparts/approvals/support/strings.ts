import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ApprovalsStrings } from '../../../../src/ui/approvals/ApprovalsTab.types';

type LocStrings = ApprovalsStrings & Record<string, string>;

/** Evaluates an SPFx `loc/*.js` file (AMD `define([], factory)`) and returns its strings. */
export function loadLocStrings(locale: 'nl-nl' | 'en-us'): LocStrings {
  const file = path.join(__dirname, '../../../../src/webparts/approvals/loc', `${locale}.js`);
  let result: LocStrings | undefined;
  const define = (_deps: unknown, factory: () => LocStrings): void => {
    result = factory();
  };
  new Function('define', fs.readFileSync(file, 'utf8'))(define);
  if (!result) throw new Error(`${file} did not call define()`);
  return result;
}
