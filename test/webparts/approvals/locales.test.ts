import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadLocStrings } from './support/strings';

describe('approvals web part locales', () => {
  const nl = loadLocStrings('nl-nl');
  const en = loadLocStrings('en-us');
  const declared = fs.readFileSync(path.join(__dirname, '../../../src/ui/approvals/ApprovalsTab.types.ts'), 'utf8');
  const stringsInterface = declared.slice(declared.indexOf('export interface ApprovalsStrings'), declared.indexOf('}', declared.indexOf('export interface ApprovalsStrings')));
  const declaredKeys = [...stringsInterface.matchAll(/readonly (\w+): string;/g)].map((match) => match[1]);

  it('nl-NL and en-US have exactly the same keys', () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
  });

  it('every string the tab declares exists and is not empty, with the same placeholders in both languages', () => {
    expect(declaredKeys.length).toBeGreaterThan(40);
    for (const key of declaredKeys) {
      expect([key, typeof nl[key], nl[key].length > 0]).toEqual([key, 'string', true]);
      const placeholders = (text: string): string[] => (text.match(/\{\w+\}/g) ?? []).sort();
      expect([key, placeholders(en[key])]).toEqual([key, placeholders(nl[key])]);
    }
  });

  it('Dutch is the default language of the manifest entry', () => {
    const manifest = fs.readFileSync(path.join(__dirname, '../../../src/webparts/approvals/ApprovalsWebPart.manifest.json'), 'utf8');
    expect(manifest).toContain('"nl-NL": "Goedkeuringen Hoofdstatisticus"');
  });
});
